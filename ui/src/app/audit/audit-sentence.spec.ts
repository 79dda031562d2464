import { AuditEntry } from './audit.models';
import { auditSentence } from './audit-sentence';

function entry(action: string, details: unknown, actor = 'nikhil'): AuditEntry {
  return {
    id: 1,
    at: '2026-11-26T05:00:00Z',
    actor,
    partner: 'nikhil',
    action,
    target: 'delegation/d-1',
    details,
    hash: 'h',
  };
}

describe('auditSentence', () => {
  it.each([
    [
      entry('delegation.requested', {
        delegate: 'arjun',
        scopes: ['orders:place', 'credentials:view-status'],
        duration: 'PT8H',
      }),
      'nikhil asked to delegate orders:place, credentials:view-status to arjun for 8 hours',
    ],
    [
      entry('delegation.mfa-confirmed', { acr: 'mfa' }),
      'nikhil confirmed the delegation with a one-time code',
    ],
    [
      entry('delegation.approved', { comment: 'fine' }, 'priya'),
      'priya approved the delegation: “fine”',
    ],
    [
      entry('delegation.grant-applied', { delegate: 'arjun', scopes: ['orders:place'] }, 'system'),
      'The workspace granted orders:place to arjun',
    ],
    [
      entry('delegation.expired', { reason: 'EXPIRED' }, 'system'),
      'The delegation expired and its grant was removed',
    ],
    [
      entry('credential.share-created', { recipient: 'arjun', ttl: 'PT24H' }),
      'nikhil shared the credential with arjun for 1 day',
    ],
    [entry('credential.revealed', { fields: ['apiKey'] }), 'nikhil revealed the credential'],
    [
      entry('alert.raised', { type: 'credential.expiring', severity: 'WARNING' }, 'system'),
      'Alert raised: credential.expiring (warning)',
    ],
  ])('reads %j as one sentence', (audit, sentence) => {
    expect(auditSentence(audit)).toBe(sentence);
  });

  it('falls back to the actor and the action in words', () => {
    expect(auditSentence(entry('something.new-happened', null))).toBe(
      'nikhil: something new happened',
    );
  });
});
