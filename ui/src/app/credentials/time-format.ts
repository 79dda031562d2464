/**
 * Short human durations for the connection cards: `45s`, `12m 05s`, `1h 02m`, `2d 03h`.
 * Negative values count as zero.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0) {
    return `${days}d ${pad(hours)}h`;
  }
  if (hours > 0) {
    return `${hours}h ${pad(minutes)}m`;
  }
  if (minutes > 0) {
    return `${minutes}m ${pad(rest)}s`;
  }
  return `${rest}s`;
}

/** Seconds from `now` (epoch millis) until the ISO-8601 instant (negative when past). */
export function secondsUntil(instant: string, now: number): number {
  return Math.floor((Date.parse(instant) - now) / 1000);
}

/** `expires in 1h 02m`, `expired`, or null without an expiry. */
export function expiryText(expiresAt: string | null, now: number): string | null {
  if (!expiresAt) {
    return null;
  }
  const left = secondsUntil(expiresAt, now);
  return left > 0 ? `expires in ${formatDuration(left)}` : 'expired';
}

/** `in 3h 10m`, `due now`, or null without an instant. */
export function relativeText(instant: string | null, now: number): string | null {
  if (!instant) {
    return null;
  }
  const left = secondsUntil(instant, now);
  return left > 0 ? `in ${formatDuration(left)}` : 'due now';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
