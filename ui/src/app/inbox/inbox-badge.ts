import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, exhaustMap, filter, map, of, timer } from 'rxjs';
import { NavBadgeSource } from '../core/layout/nav-badges';
import { InboxApi } from './inbox-api';
import { REFRESH_MS } from './refresh';

/** My open tasks (assigned to me or offered to me), beside Inbox in the navigation. */
@Injectable({ providedIn: 'root' })
export class InboxBadge implements NavBadgeSource {
  private readonly api = inject(InboxApi);
  private readonly destroyRef = inject(DestroyRef);
  readonly path = '/inbox';
  readonly count = signal<number | null>(null);
  private started = false;

  /** Counts now and every REFRESH_MS while the tab is visible. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    timer(0, REFRESH_MS)
      .pipe(
        filter(() => typeof document === 'undefined' || document.visibilityState === 'visible'),
        exhaustMap(() =>
          this.api.list({}, { page: 0, size: 1 }).pipe(
            map((page) => page.page.totalElements),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((count) => this.count.set(count));
  }
}
