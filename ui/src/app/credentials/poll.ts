import { Observable, exhaustMap, takeWhile, timer } from 'rxjs';

/** How often the credential pages ask for a connection while the engine works on it. */
export const POLL_PERIOD_MS = 2000;

/**
 * Calls `fetch` every `periodMs` (the first time after `firstDelayMs`) and emits each answer,
 * up to and including the first one for which `done` is true. A slow answer is never overlapped.
 */
export function pollUntil<T>(
  fetch: () => Observable<T>,
  done: (value: T) => boolean,
  periodMs = POLL_PERIOD_MS,
  firstDelayMs = periodMs,
): Observable<T> {
  return timer(firstDelayMs, periodMs).pipe(
    exhaustMap(() => fetch()),
    takeWhile((value) => !done(value), true),
  );
}
