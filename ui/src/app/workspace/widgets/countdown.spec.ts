import { ageText, connectionCountdown, sessionCountdown } from './countdown';

const now = Date.parse('2026-12-04T10:00:00Z');

describe('session countdown (login health)', () => {
  it('counts down in the two largest units', () => {
    expect(sessionCountdown('2026-12-04T11:02:30Z', now)).toEqual({
      text: '1 hour 2 minutes left',
      warning: false,
      ended: false,
    });
  });

  it('warns in the last five minutes', () => {
    expect(sessionCountdown('2026-12-04T10:04:05Z', now)).toEqual({
      text: '4 minutes 5 seconds left',
      warning: true,
      ended: false,
    });
  });

  it('says when the session ended, and nothing without a session', () => {
    expect(sessionCountdown('2026-12-04T09:59:00Z', now)?.ended).toBe(true);
    expect(sessionCountdown(null, now)).toBeNull();
  });
});

describe('connection countdown (broker connections)', () => {
  it('counts down to the earlier of expiry and daily cut-off', () => {
    expect(connectionCountdown('2026-12-04T18:00:00Z', '2026-12-05T00:30:00Z', now)?.text).toBe(
      'expires in 8 hours',
    );
    expect(connectionCountdown(null, '2026-12-04T10:30:00Z', now)).toEqual({
      text: 'daily cut-off in 30 minutes',
      warning: true,
      ended: false,
    });
  });

  it('warns within warnHours and says expired', () => {
    expect(connectionCountdown('2026-12-04T13:00:00Z', null, now, 2)?.warning).toBe(false);
    expect(connectionCountdown('2026-12-04T13:00:00Z', null, now, 4)?.warning).toBe(true);
    expect(connectionCountdown('2026-12-04T09:00:00Z', null, now)?.text).toBe('expired');
    expect(connectionCountdown(null, null, now)).toBeNull();
  });

  it('words a token age', () => {
    expect(ageText(3 * 3600 + 600)).toBe('3 hours 10 minutes');
    expect(ageText(null)).toBe('unknown');
  });
});
