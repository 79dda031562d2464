import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../../core/http/shows-own-errors';
import { LatencyReport } from './widgets/latency';
import { InvitedTeammate, NewTeammate } from './widgets/onboarding';
import {
  LatencyWindow,
  LayoutItem,
  SaveLayoutRequest,
  WidgetId,
  WidgetResponse,
  WorkspaceView,
} from './workspace.models';

export interface WidgetQuery {
  readonly partner?: string | null;
  readonly window?: LatencyWindow | null;
}

/** Typed client of the workspace API (layout and widget data). Each caller shows its own errors. */
@Injectable({ providedIn: 'root' })
export class WorkspaceApi {
  private readonly http = inject(HttpClient);

  workspace(): Observable<WorkspaceView> {
    return this.http.get<WorkspaceView>('/api/workspace', { context: showsOwnErrors() });
  }

  saveLayout(layout: readonly LayoutItem[]): Observable<WorkspaceView> {
    const body: SaveLayoutRequest = {
      layout: layout.map(({ widget, size, settings }) => ({ widget, size, settings })),
    };
    return this.http.put<WorkspaceView>('/api/workspace/layout', body, {
      context: showsOwnErrors(),
    });
  }

  restoreDefaults(): Observable<WorkspaceView> {
    return this.http.delete<WorkspaceView>('/api/workspace/layout', { context: showsOwnErrors() });
  }

  widget<T>(widget: WidgetId, query: WidgetQuery = {}): Observable<WidgetResponse<T>> {
    return this.http.get<WidgetResponse<T>>(
      `/api/workspace/widgets/${encodeURIComponent(widget)}`,
      { params: params({ ...query }), context: showsOwnErrors() },
    );
  }

  /** Invites a teammate onto the partner's team (`POST /api/partners/{partner}/team`). */
  inviteTeammate(partner: string, teammate: NewTeammate): Observable<InvitedTeammate> {
    return this.http.post<InvitedTeammate>(
      `/api/partners/${encodeURIComponent(partner)}/team`,
      teammate,
      { context: showsOwnErrors() },
    );
  }

  latency(partner: string, window: LatencyWindow, step?: string): Observable<LatencyReport> {
    return this.http.get<LatencyReport>(`/api/partners/${encodeURIComponent(partner)}/latency`, {
      params: params({ window, step }),
      context: showsOwnErrors(),
    });
  }
}

function params(values: Readonly<Record<string, string | null | undefined>>): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value) {
      result = result.set(key, value);
    }
  }
  return result;
}
