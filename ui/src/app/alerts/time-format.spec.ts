import { durationText, fromLocalInput, toLocalInput } from './time-format';

describe('durationText', () => {
  it.each([
    ['PT4H', '4 h'],
    ['PT30M', '30 min'],
    ['PT1H30M', '1 h 30 min'],
    ['P1D', '1 d'],
    ['P1DT2H', '1 d 2 h'],
    ['PT45S', '45 s'],
    ['pt5m', '5 min'],
    ['PT0M', '0 min'],
  ])('words %s as %s', (iso, text) => {
    expect(durationText(iso)).toBe(text);
  });

  it.each(['', 'P', 'PT', '4h', 'P1W', 'soon'])('returns %j as written', (iso) => {
    expect(durationText(iso)).toBe(iso);
  });
});

describe('datetime-local values', () => {
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
});
