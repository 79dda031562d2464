import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { IncidentDetail, Model, ModelVersion, OpenIncident } from './models.models';

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
}
