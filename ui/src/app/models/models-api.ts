import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import {
  IncidentDetail,
  KnownReferences,
  MigrationInstruction,
  MigrationView,
  Model,
  ModelDiff,
  ModelDraft,
  ModelProblem,
  ModelType,
  ModelVersion,
  OpenIncident,
} from './models.models';

/** Typed client for the ops models API; the page shows its own errors. */
@Injectable({ providedIn: 'root' })
export class ModelsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Model[]> {
    return this.http.get<Model[]>('/api/models', { context: showsOwnErrors() });
  }

  incidents(): Observable<OpenIncident[]> {
    return this.http.get<OpenIncident[]>('/api/incidents', { context: showsOwnErrors() });
  }

  incident(id: string): Observable<IncidentDetail> {
    return this.http.get<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  retry(id: string): Observable<OpenIncident> {
    return this.http.post<OpenIncident>(`/api/incidents/${encodeURIComponent(id)}/retry`, null, {
      context: showsOwnErrors(),
    });
  }

  versions(key: string): Observable<ModelVersion[]> {
    return this.http.get<ModelVersion[]>(`/api/models/${encodeURIComponent(key)}/versions`, {
      context: showsOwnErrors(),
    });
  }

  /** One version's content: BPMN or DMN XML, or a form's JSON, as text. */
  content(key: string, version: number): Observable<string> {
    return this.http.get(`/api/models/${encodeURIComponent(key)}/versions/${version}`, {
      responseType: 'text',
      context: showsOwnErrors(),
    });
  }

  references(): Observable<KnownReferences> {
    return this.http.get<KnownReferences>('/api/models/references', { context: showsOwnErrors() });
  }

  tests(key: string): Observable<{ tests: string | null }> {
    return this.http.get<{ tests: string | null }>(`/api/models/${encodeURIComponent(key)}/tests`, {
      context: showsOwnErrors(),
    });
  }

  validate(
    key: string,
    body: { type: ModelType; content: string; tests?: string | null },
  ): Observable<{ errors: ModelProblem[] }> {
    return this.http.post<{ errors: ModelProblem[] }>(
      `/api/models/${encodeURIComponent(key)}/validate`,
      body,
      { context: showsOwnErrors() },
    );
  }

  /** Saves a draft; a model that would not deploy answers 422 with `errors` and nothing is saved. */
  saveDraft(
    key: string,
    body: { type: ModelType; content: string; tests?: string | null },
  ): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`/api/models/${encodeURIComponent(key)}/drafts`, body, {
      context: showsOwnErrors(),
    });
  }

  draft(id: string): Observable<ModelDraft> {
    return this.http.get<ModelDraft>(`/api/models/drafts/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  propose(id: string): Observable<{ id: string; status: string }> {
    return this.http.post<{ id: string; status: string }>(
      `/api/models/drafts/${encodeURIComponent(id)}/propose`,
      null,
      { context: showsOwnErrors() },
    );
  }

  diff(id: string): Observable<ModelDiff> {
    return this.http.get<ModelDiff>(
      `/api/models/drafts/${encodeURIComponent(id)}/diff?against=deployed`,
      { context: showsOwnErrors() },
    );
  }

  checkMigration(
    key: string,
    body: { from: number; to: number; mapping?: MigrationInstruction[] },
  ): Observable<MigrationView> {
    return this.http.post<MigrationView>(
      `/api/models/${encodeURIComponent(key)}/migrations`,
      body,
      {
        context: showsOwnErrors(),
      },
    );
  }

  proposeMigration(id: string): Observable<MigrationView> {
    return this.http.post<MigrationView>(
      `/api/models/migrations/${encodeURIComponent(id)}/execute`,
      null,
      { context: showsOwnErrors() },
    );
  }

  migration(id: string): Observable<MigrationView> {
    return this.http.get<MigrationView>(`/api/models/migrations/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  annotate(id: string, annotation: string): Observable<OpenIncident> {
    return this.http.post<OpenIncident>(
      `/api/incidents/${encodeURIComponent(id)}/annotate`,
      { annotation },
      { context: showsOwnErrors() },
    );
  }
}
