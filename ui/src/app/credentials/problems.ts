import { problemOf } from '../core/http/problem';

/** The `guide` extension member of a connection state problem (a UI path), or null. */
export function problemGuide(error: unknown): string | null {
  const guide = (problemOf(error) as { guide?: unknown } | null)?.guide;
  return typeof guide === 'string' && guide ? guide : null;
}

/** The `attemptsLeft` extension member of an `invalid-share-code` problem, or null. */
export function problemAttemptsLeft(error: unknown): number | null {
  const left = (problemOf(error) as { attemptsLeft?: unknown } | null)?.attemptsLeft;
  return typeof left === 'number' && Number.isFinite(left) ? left : null;
}
