import { InjectionToken, Signal } from '@angular/core';

/**
 * A count shown beside a navigation item (e.g. my open tasks beside Inbox). Features provide them
 * through {@link NAV_BADGE_SOURCES}, so the shell knows no feature.
 */
export interface NavBadgeSource {
  /** The navigation path the badge belongs to, e.g. `/inbox`. */
  readonly path: string;
  /** The count; null while unknown. */
  readonly count: Signal<number | null>;
  /** Starts keeping the count up to date (called once the item is shown). */
  start(): void;
}

export const NAV_BADGE_SOURCES = new InjectionToken<readonly NavBadgeSource[]>(
  'nav badge sources',
  {
    factory: () => [],
  },
);
