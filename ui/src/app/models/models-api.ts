import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { Model, ModelVersion } from './models.models';

/** Typed client for the ops models API; the page shows its own errors. */
@Injectable({ providedIn: 'root' })
export class ModelsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Model[]> {
    return this.http.get<Model[]>('/api/models', { context: showsOwnErrors() });
  }

  versions(key: string): Observable<ModelVersion[]> {
    return this.http.get<ModelVersion[]>(`/api/models/${encodeURIComponent(key)}/versions`, {
      context: showsOwnErrors(),
    });
  }
}
