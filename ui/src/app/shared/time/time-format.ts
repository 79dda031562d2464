/**
 * Times and durations in plain words, for every page: the API speaks ISO-8601 (`PT8H`, `PT720H`,
 * `2026-11-26T18:00:00Z`), people read "8 hours", "30 days", "expires in 1 hour 2 minutes".
 */

/** A unit a person can pick for a duration, largest last. */
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export const DURATION_UNITS: readonly DurationUnit[] = ['seconds', 'minutes', 'hours', 'days'];

const UNIT_SECONDS: Readonly<Record<DurationUnit, number>> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
};

const SINGULAR: Readonly<Record<DurationUnit, string>> = {
  seconds: 'second',
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
};

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** `1 hour`, `8 hours`. */
export function amountWords(amount: number, unit: DurationUnit): string {
  return `${amount} ${amount === 1 ? SINGULAR[unit] : unit}`;
}

/**
 * Seconds in words, largest unit first: `30 days`, `1 hour 30 minutes`, `45 seconds`. With
 * `maxUnits`, only the largest non-zero unit and the ones right below it are read (a countdown:
 * `2 days 3 hours`, `1 day` for one day and five minutes). Negative values count as zero.
 */
export function durationWords(totalSeconds: number, maxUnits = DURATION_UNITS.length): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const largestFirst = [...DURATION_UNITS].reverse();
  const amounts = largestFirst.map((unit) => {
    const amount = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= amount * UNIT_SECONDS[unit];
    return amount;
  });
  const first = amounts.findIndex((amount) => amount > 0);
  if (first < 0) {
    return amountWords(0, 'seconds');
  }
  return largestFirst
    .map((unit, index) => ({ unit, amount: amounts[index], index }))
    .filter(({ amount, index }) => amount > 0 && index < first + maxUnits)
    .map(({ amount, unit }) => amountWords(amount, unit))
    .join(' ');
}

/** The seconds of an ISO-8601 duration (`PT8H`, `P1DT2H`, `pt5m`), or null when it is none. */
export function isoSeconds(iso: string | null | undefined): number | null {
  const normalised = (iso ?? '').trim().toUpperCase();
  const match = ISO_DURATION.exec(normalised);
  // `P` and `PT` alone match the pattern but are no durations.
  if (!match || normalised === 'P' || normalised.endsWith('T')) {
    return null;
  }
  const [, days, hours, minutes, seconds] = match;
  return (
    Number(days ?? 0) * UNIT_SECONDS.days +
    Number(hours ?? 0) * UNIT_SECONDS.hours +
    Number(minutes ?? 0) * UNIT_SECONDS.minutes +
    Math.floor(Number(seconds ?? 0))
  );
}

/** An ISO-8601 duration in words (`PT720H` → `30 days`); anything else is returned as written. */
export function durationText(iso: string): string {
  const seconds = isoSeconds(iso);
  return seconds === null ? iso : durationWords(seconds);
}

/** Every ISO-8601 duration inside a text in words: `… for PT8H` → `… for 8 hours`. */
export function durationsInWords(text: string): string {
  return text.replace(/\bP(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?\b/g, (iso) =>
    durationText(iso),
  );
}

/** The ISO-8601 duration the API expects for an amount of a unit: 8 hours → `PT8H`. */
export function isoDuration(amount: number, unit: DurationUnit): string {
  const whole = Math.max(0, Math.floor(amount));
  switch (unit) {
    case 'days':
      return `P${whole}D`;
    case 'hours':
      return `PT${whole}H`;
    case 'minutes':
      return `PT${whole}M`;
    case 'seconds':
      return `PT${whole}S`;
  }
}

/**
 * An ISO-8601 duration as an amount of the largest unit that holds it whole (`PT720H` → 30
 * days, `PT90M` → 90 minutes), or null when it is none.
 */
export function splitDuration(
  iso: string | null | undefined,
): { amount: number; unit: DurationUnit } | null {
  const seconds = isoSeconds(iso);
  if (seconds === null) {
    return null;
  }
  const unit =
    [...DURATION_UNITS].reverse().find((u) => seconds > 0 && seconds % UNIT_SECONDS[u] === 0) ??
    'seconds';
  return { amount: seconds / UNIT_SECONDS[unit], unit };
}

/** Seconds from `now` (epoch millis) until the ISO-8601 instant (negative when past). */
export function secondsUntil(instant: string, now: number): number {
  return Math.floor((Date.parse(instant) - now) / 1000);
}

/** A countdown: the two largest units, e.g. `1 hour 2 minutes`. */
export function countdownWords(totalSeconds: number): string {
  return durationWords(totalSeconds, 2);
}

/** `expires in 1 hour 2 minutes`, `expired`, or null without an expiry. */
export function expiryText(expiresAt: string | null, now: number): string | null {
  if (!expiresAt) {
    return null;
  }
  const left = secondsUntil(expiresAt, now);
  return left > 0 ? `expires in ${countdownWords(left)}` : 'expired';
}

/** `in 3 hours 10 minutes`, `due now`, or null without an instant. */
export function relativeText(instant: string | null, now: number): string | null {
  if (!instant) {
    return null;
  }
  const left = secondsUntil(instant, now);
  return left > 0 ? `in ${countdownWords(left)}` : 'due now';
}

/** `2 minutes ago`, `just now` (under a minute), or null without an instant. */
export function agoText(instant: string | null, now: number): string | null {
  if (!instant) {
    return null;
  }
  const past = -secondsUntil(instant, now);
  return past < 60 ? 'just now' : `${durationWords(past, 1)} ago`;
}

/**
 * The value of a `datetime-local` input (`2026-11-26T23:30`, the browser's time zone) for an
 * ISO-8601 instant; an empty string for anything that is not one.
 */
export function toLocalInput(instant: string | null | undefined): string {
  const date = instant ? new Date(instant) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/**
 * The ISO-8601 instant in UTC (`2026-11-26T18:00:00Z`) for the value of a `datetime-local` input,
 * read in the browser's time zone; null when it is empty or not a date.
 */
export function fromLocalInput(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) {
    return null;
  }
  // Without an offset, a date-time string is read in the local time zone.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace('.000Z', 'Z');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
