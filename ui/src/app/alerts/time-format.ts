const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO-8601 duration (`PT4H`, `PT1H30M`, `P1D`) in words for notes and hints: `4 h`,
 * `1 h 30 min`, `1 d`. Anything it cannot read is returned as written.
 */
export function durationText(iso: string): string {
  const normalised = iso.trim().toUpperCase();
  const match = ISO_DURATION.exec(normalised);
  // `P` and `PT` alone match the pattern but are no durations.
  if (!match || normalised === 'P' || normalised.endsWith('T')) {
    return iso;
  }
  const [, days, hours, minutes, seconds] = match;
  const parts = [
    days && `${Number(days)} d`,
    hours && `${Number(hours)} h`,
    minutes && `${Number(minutes)} min`,
    seconds && `${Number(seconds)} s`,
  ].filter((part): part is string => !!part && !part.startsWith('0 '));
  return parts.length ? parts.join(' ') : '0 min';
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
