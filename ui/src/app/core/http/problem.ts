import { HttpErrorResponse } from '@angular/common/http';
import { durationsInWords } from '../../shared/time/time-format';

/** Every problem `type` the engine sends starts with this; the rest is a slug. */
export const PROBLEM_TYPE_BASE = 'https://partner-workspace/problems/';

/** One invalid input of a 400 answer. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, as the engine returns them (`application/problem+json`). */
export interface ProblemDetail {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  /** Per-field messages for bad input (400). */
  readonly errors?: readonly FieldError[];
}

/**
 * A human-readable message for a failed API call: the problem's `detail`, else its `title`, with
 * durations in words (`at most PT720H` → `at most 30 days`).
 */
export function problemMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong';
  }
  if (error.status === 0) {
    return 'Cannot reach the workspace server';
  }
  const problem = asProblem(error.error);
  return durationsInWords(problem?.detail || problem?.title || `Request failed (${error.status})`);
}

/** The problem body of a failed API call, or null when there is none. */
export function problemOf(error: unknown): ProblemDetail | null {
  return error instanceof HttpErrorResponse ? asProblem(error.error) : null;
}

/** True when the failed call answered a problem of this type, e.g. `mfa-step-up-required`. */
export function hasProblemType(error: unknown, slug: string): boolean {
  const type = problemOf(error)?.type;
  return (
    typeof type === 'string' && (type === PROBLEM_TYPE_BASE + slug || type.endsWith('/' + slug))
  );
}

/** The per-field messages of a 400 answer, by field name (the first message wins). */
export function problemFieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const errors = problemOf(error)?.errors;
  if (Array.isArray(errors)) {
    for (const item of errors as readonly FieldError[]) {
      if (item && typeof item.field === 'string' && !(item.field in result)) {
        result[item.field] = String(item.message ?? '');
      }
    }
  }
  return result;
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
