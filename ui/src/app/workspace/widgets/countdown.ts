import { countdownWords, secondsUntil } from '../../shared/time/time-format';

/** The session countdown warns this long before the end. */
export const SESSION_WARNING_SECONDS = 5 * 60;

export interface Countdown {
  readonly text: string;
  readonly warning: boolean;
  readonly ended: boolean;
}

/** The remaining time of the Keycloak session, e.g. `12 minutes 5 seconds left`; null when unknown. */
export function sessionCountdown(expiresAt: string | null, now: number): Countdown | null {
  if (!expiresAt) {
    return null;
  }
  const left = secondsUntil(expiresAt, now);
  if (left <= 0) {
    return { text: 'Session ended', warning: true, ended: true };
  }
  return {
    text: `${countdownWords(left)} left`,
    warning: left <= SESSION_WARNING_SECONDS,
    ended: false,
  };
}

/**
 * When a broker connection lapses: its session expiry or, for brokers without refresh, the daily
 * cut-off (whichever comes first). `warnHours` marks it as a warning when that is near.
 */
export function connectionCountdown(
  expiresAt: string | null,
  dailyCutOffAt: string | null,
  now: number,
  warnHours = 2,
): Countdown | null {
  const candidates = [
    expiresAt ? { at: expiresAt, label: 'expires' } : null,
    dailyCutOffAt ? { at: dailyCutOffAt, label: 'daily cut-off' } : null,
  ].filter((c): c is { at: string; label: string } => c !== null);
  if (candidates.length === 0) {
    return null;
  }
  const next = candidates.reduce((a, b) => (Date.parse(a.at) <= Date.parse(b.at) ? a : b));
  const left = secondsUntil(next.at, now);
  if (left <= 0) {
    return {
      text: next.label === 'expires' ? 'expired' : 'cut-off passed',
      warning: true,
      ended: true,
    };
  }
  const words = countdownWords(left);
  return {
    text: next.label === 'expires' ? `expires in ${words}` : `daily cut-off in ${words}`,
    warning: left <= warnHours * 3600,
    ended: false,
  };
}

/** A token's age in words, e.g. `3 hours 10 minutes`; `unknown` without one. */
export function ageText(seconds: number | null): string {
  return seconds === null ? 'unknown' : countdownWords(seconds);
}
