import { expiryText, formatDuration, relativeText } from './time-format';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [725, '12m 05s'],
    [3720, '1h 02m'],
    [3 * 86_400 + 3 * 3600 + 59, '3d 03h'],
    [-5, '0s'],
  ])('%i seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('expiryText and relativeText', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  it('counts down to the expiry', () => {
    expect(expiryText('2026-11-26T11:02:30Z', now)).toBe('expires in 1h 02m');
    expect(expiryText('2026-11-26T10:00:00Z', now)).toBe('expired');
    expect(expiryText(null, now)).toBeNull();
  });

  it('tells when something is due', () => {
    expect(relativeText('2026-11-26T10:10:00Z', now)).toBe('in 10m 00s');
    expect(relativeText('2026-11-26T09:00:00Z', now)).toBe('due now');
    expect(relativeText(null, now)).toBeNull();
  });
});
