import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Signal, inject, signal } from '@angular/core';
import {
  Observable,
  Subject,
  Subscription,
  exhaustMap,
  filter,
  fromEvent,
  merge,
  timer,
} from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { problemMessage } from '../../core/http/problem';

/** Widgets refresh at most this often (issue 22, point 7). */
export const WIDGET_POLL_MS = 15_000;

export type WidgetLoad<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'signed-out' };

export interface WidgetPoll<T> {
  readonly state: Signal<WidgetLoad<T>>;
  /** Asks again now (e.g. after a window switch or an action). */
  refresh(): void;
}

/**
 * Loads a widget's data now and every {@link WIDGET_POLL_MS} while the tab is visible (a hidden tab
 * pauses; showing it again refreshes). A slow answer is never overlapped. When the session has ended
 * (no valid token, or a 401) it stops and answers `signed-out`, so the card offers a new login
 * instead of an error. Call in an injection context; `fetch` may read the component's inputs.
 */
export function pollWidget<T>(
  fetch: () => Observable<T>,
  periodMs = WIDGET_POLL_MS,
): WidgetPoll<T> {
  const auth = inject(AuthService);
  const state = signal<WidgetLoad<T>>({ status: 'loading' });
  const manual = new Subject<void>();
  const visible = () => typeof document === 'undefined' || !document.hidden;
  const shown =
    typeof document === 'undefined'
      ? new Subject<Event>()
      : fromEvent(document, 'visibilitychange').pipe(filter(visible));

  let subscription: Subscription | null = merge(
    timer(0, periodMs).pipe(filter(visible)),
    manual,
    shown,
  )
    .pipe(exhaustMap(() => load()))
    .subscribe();

  function load(): Observable<void> {
    return new Observable<void>((subscriber) => {
      if (!auth.isLoggedIn()) {
        signOut();
        subscriber.complete();
        return undefined;
      }
      const inner = fetch().subscribe({
        next: (data) => state.set({ status: 'ready', data }),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) {
            signOut();
          } else {
            state.set({ status: 'error', message: problemMessage(error) });
          }
          subscriber.complete();
        },
        complete: () => subscriber.complete(),
      });
      return () => inner.unsubscribe();
    });
  }

  function signOut(): void {
    state.set({ status: 'signed-out' });
    subscription?.unsubscribe();
    subscription = null;
  }

  inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());
  return {
    state: state.asReadonly(),
    refresh: () => manual.next(),
  };
}

/** The data of a loaded widget, else null. */
export function dataOf<T>(state: WidgetLoad<T>): T | null {
  return state.status === 'ready' ? state.data : null;
}
