import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { Task, TaskCompletion, TaskDetail, TaskFilter } from './inbox.models';

/** Typed client for the task API of all processes. The inbox shows the errors of its calls itself. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  /** Open tasks the user may work on, sorted by due date. */
  list(filter: TaskFilter = {}): Observable<Task[]> {
    let params = new HttpParams();
    for (const key of ['process', 'partner'] as const) {
      const value = filter[key]?.trim();
      if (value) {
        params = params.set(key, value);
      }
    }
    return this.http.get<Task[]>('/api/tasks', { params, context: showsOwnErrors() });
  }

  get(id: string): Observable<TaskDetail> {
    return this.http.get<TaskDetail>(taskUrl(id), { context: showsOwnErrors() });
  }

  claim(id: string): Observable<Task> {
    return this.http.post<Task>(`${taskUrl(id)}/claim`, null, { context: showsOwnErrors() });
  }

  unclaim(id: string): Observable<Task> {
    return this.http.post<Task>(`${taskUrl(id)}/unclaim`, null, { context: showsOwnErrors() });
  }

  complete(id: string, body: TaskCompletion): Observable<void> {
    return this.http.post<void>(`${taskUrl(id)}/complete`, body, { context: showsOwnErrors() });
  }
}

function taskUrl(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}`;
}
