import {
  durationText,
  durationWords,
  durationsInWords,
  expiryText,
  fromLocalInput,
  isoDuration,
  relativeText,
  splitDuration,
  toLocalInput,
  agoText,
} from './time-format';

describe('durationText (settings and policies, e.g. the alert preferences)', () => {
  it.each([
    ['PT720H', '30 days'],
    ['PT8H', '8 hours'],
    ['PT1H', '1 hour'],
    ['PT1H30M', '1 hour 30 minutes'],
    ['PT30M', '30 minutes'],
    ['P1D', '1 day'],
    ['P1DT2H', '1 day 2 hours'],
    ['PT36H', '1 day 12 hours'],
    ['PT40S', '40 seconds'],
    ['pt5m', '5 minutes'],
    ['PT0M', '0 seconds'],
  ])('reads %s as %s', (iso, text) => {
    expect(durationText(iso)).toBe(text);
  });

  it.each(['', 'P', 'PT', '4h', 'P1W', 'soon'])('returns %j as written', (iso) => {
    expect(durationText(iso)).toBe(iso);
  });

  it('words every duration inside a sentence', () => {
    expect(durationsInWords('nikhil asks orders:place for arjun for PT8H')).toBe(
      'nikhil asks orders:place for arjun for 8 hours',
    );
    expect(durationsInWords('at most PT720H, not PT1H30M')).toBe(
      'at most 30 days, not 1 hour 30 minutes',
    );
    expect(durationsInWords('PRIORITY: PT')).toBe('PRIORITY: PT');
  });
});

describe('durationWords and the countdowns (the connection cards)', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [45, '45 seconds'],
    [725, '12 minutes 5 seconds'],
    [3720, '1 hour 2 minutes'],
    [3 * 86_400 + 3 * 3600 + 59, '3 days 3 hours'],
    [86_400 + 300, '1 day'],
    [-5, '0 seconds'],
  ])('counts %i seconds down as %s', (seconds, text) => {
    expect(durationWords(seconds, 2)).toBe(text);
  });

  it('names every unit when not limited', () => {
    expect(durationWords(86_400 + 300)).toBe('1 day 5 minutes');
  });

  const now = Date.parse('2026-11-26T10:00:00Z');

  it('counts down to the expiry', () => {
    expect(expiryText('2026-11-26T11:02:30Z', now)).toBe('expires in 1 hour 2 minutes');
    expect(expiryText('2026-11-26T10:00:00Z', now)).toBe('expired');
    expect(expiryText(null, now)).toBeNull();
  });

  it('tells when something is due', () => {
    expect(relativeText('2026-11-26T10:10:00Z', now)).toBe('in 10 minutes');
    expect(relativeText('2026-11-26T09:00:00Z', now)).toBe('due now');
    expect(relativeText(null, now)).toBeNull();
  });
});

describe('picking a duration', () => {
  it('sends ISO-8601 for an amount of a unit', () => {
    expect(isoDuration(8, 'hours')).toBe('PT8H');
    expect(isoDuration(30, 'days')).toBe('P30D');
    expect(isoDuration(15, 'minutes')).toBe('PT15M');
    expect(isoDuration(40, 'seconds')).toBe('PT40S');
  });

  it('shows an ISO-8601 duration in the largest unit that holds it whole', () => {
    expect(splitDuration('PT720H')).toEqual({ amount: 30, unit: 'days' });
    expect(splitDuration('PT8H')).toEqual({ amount: 8, unit: 'hours' });
    expect(splitDuration('PT90M')).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitDuration('PT15S')).toEqual({ amount: 15, unit: 'seconds' });
    expect(splitDuration('nonsense')).toBeNull();
  });
});

describe('datetime-local values (the silences)', () => {
  it('reads the input in the local time zone and answers the instant in UTC', () => {
    const local = new Date(2026, 10, 26, 23, 30);
    expect(fromLocalInput('2026-11-26T23:30')).toBe(local.toISOString().replace('.000Z', 'Z'));
    expect(fromLocalInput('2026-11-26T23:30')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
  });

  it('shows an instant in the local time zone, to the minute', () => {
    const instant = new Date(2026, 10, 26, 9, 5, 42).toISOString();
    expect(toLocalInput(instant)).toBe('2026-11-26T09:05');
    expect(fromLocalInput(toLocalInput('2026-11-26T18:00:00Z'))).toBe('2026-11-26T18:00:00Z');
  });

  it('answers nothing for empty or invalid values', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput(null)).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(fromLocalInput('2026-13-45T99:99')).toBeNull();
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('not a date')).toBe('');
  });

  it('says how long ago an instant was, in its largest unit', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(agoText('2026-12-04T09:58:00Z', now)).toBe('2 minutes ago');
    expect(agoText('2026-12-04T09:59:30Z', now)).toBe('just now');
    expect(agoText('2026-12-04T07:59:00Z', now)).toBe('2 hours ago');
    expect(agoText(null, now)).toBeNull();
  });
});
