import { HttpErrorResponse } from '@angular/common/http';

/** RFC 9457 problem details, as the engine returns them (`application/problem+json`). */
export interface ProblemDetail {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
}

/** A human-readable message for a failed API call: the problem's `detail`, else its `title`. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong';
  }
  if (error.status === 0) {
    return 'Cannot reach the workspace server';
  }
  const problem = asProblem(error.error);
  return problem?.detail || problem?.title || `Request failed (${error.status})`;
}

function asProblem(body: unknown): ProblemDetail | null {
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return body !== null && typeof body === 'object' ? (body as ProblemDetail) : null;
}
