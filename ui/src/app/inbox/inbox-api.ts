import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import {
  PageRequest,
  Task,
  TaskComment,
  TaskCompletion,
  TaskDetail,
  TaskDiagram,
  TaskFilter,
  TaskForm,
  TaskHistoryEntry,
  TaskPage,
} from './inbox.models';

/** Typed client for the task API of all processes. The inbox shows the errors of its calls itself. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  /** A page of the open tasks the user may work on, sorted by due date; the server counts the rest. */
  list(filter: TaskFilter = {}, paging?: PageRequest): Observable<TaskPage> {
    let params = new HttpParams();
    for (const key of ['process', 'partner'] as const) {
      const value = filter[key]?.trim();
      if (value) {
        params = params.set(key, value);
      }
    }
    if (paging) {
      params = params.set('page', paging.page).set('size', paging.size);
    }
    return this.http.get<TaskPage>('/api/tasks', { params, context: showsOwnErrors() });
  }

  /** The names of the critical scopes of the scope catalogue (`GET /api/scopes`). */
  criticalScopes(): Observable<string[]> {
    return this.http
      .get<{ name: string; critical: boolean }[]>('/api/scopes', { context: showsOwnErrors() })
      .pipe(map((scopes) => scopes.filter((scope) => scope.critical).map((scope) => scope.name)));
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

  /** The task's form-js form; 404 when its process deploys none for it. */
  form(id: string): Observable<TaskForm> {
    return this.http.get<TaskForm>(`${taskUrl(id)}/form`, { context: showsOwnErrors() });
  }

  diagram(id: string): Observable<TaskDiagram> {
    return this.http.get<TaskDiagram>(`${taskUrl(id)}/diagram`, { context: showsOwnErrors() });
  }

  history(id: string): Observable<TaskHistoryEntry[]> {
    return this.http.get<TaskHistoryEntry[]>(`${taskUrl(id)}/history`, {
      context: showsOwnErrors(),
    });
  }

  comments(id: string): Observable<TaskComment[]> {
    return this.http.get<TaskComment[]>(`${taskUrl(id)}/comments`, { context: showsOwnErrors() });
  }

  addComment(id: string, text: string): Observable<TaskComment> {
    return this.http.post<TaskComment>(
      `${taskUrl(id)}/comments`,
      { text },
      { context: showsOwnErrors() },
    );
  }

  editComment(id: string, commentId: string, text: string): Observable<TaskComment> {
    return this.http.put<TaskComment>(
      `${taskUrl(id)}/comments/${encodeURIComponent(commentId)}`,
      { text },
      { context: showsOwnErrors() },
    );
  }

  deleteComment(id: string, commentId: string): Observable<void> {
    return this.http.delete<void>(`${taskUrl(id)}/comments/${encodeURIComponent(commentId)}`, {
      context: showsOwnErrors(),
    });
  }
}

function taskUrl(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}`;
}
