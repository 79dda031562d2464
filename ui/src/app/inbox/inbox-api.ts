import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import {
  BulkRequest,
  BulkResult,
  FilterCount,
  PageRequest,
  SavedFilter,
  Task,
  TaskComment,
  TaskCompletion,
  TaskDetail,
  TaskDiagram,
  TaskFilter,
  TaskForm,
  TaskHistoryEntry,
  TaskPage,
  TaskSortOrder,
} from './inbox.models';

/** Typed client for the task API of all processes. The inbox shows the errors of its calls itself. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  /** A page of the open tasks the user may work on (default by due date); the server counts the rest. */
  list(filter: TaskFilter = {}, paging?: PageRequest, sort?: TaskSortOrder): Observable<TaskPage> {
    let params = filterParams(filter);
    if (paging) {
      params = params.set('page', paging.page).set('size', paging.size);
    }
    if (sort) {
      params = params.set('sort', sort);
    }
    return this.http.get<TaskPage>('/api/tasks', { params, context: showsOwnErrors() });
  }

  savedFilters(): Observable<SavedFilter[]> {
    return this.http.get<SavedFilter[]>('/api/task-filters', { context: showsOwnErrors() });
  }

  filterCounts(): Observable<FilterCount[]> {
    return this.http.get<FilterCount[]>('/api/task-filters/counts', { context: showsOwnErrors() });
  }

  saveFilter(
    name: string,
    criteria: TaskFilter,
    sharedWithGroup?: string,
  ): Observable<SavedFilter> {
    return this.http.post<SavedFilter>(
      '/api/task-filters',
      { name, criteria: cleaned(criteria), sharedWithGroup: sharedWithGroup || null },
      { context: showsOwnErrors() },
    );
  }

  deleteFilter(id: string): Observable<void> {
    return this.http.delete<void>(`/api/task-filters/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  bulk(request: BulkRequest): Observable<{ results: BulkResult[] }> {
    return this.http.post<{ results: BulkResult[] }>('/api/tasks/bulk', request, {
      context: showsOwnErrors(),
    });
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

/** The criteria without empty members (a blank text, a null choice). */
export function cleaned(filter: TaskFilter): TaskFilter {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filter)) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== null && text !== undefined && text !== '') {
      kept[key] = text;
    }
  }
  return kept as TaskFilter;
}

function filterParams(filter: TaskFilter): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(cleaned(filter))) {
    params = params.set(key, value);
  }
  return params;
}

function taskUrl(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}`;
}
