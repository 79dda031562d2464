import { Delegation, Scope } from '../delegations.models';

/** Test data for the delegation specs. */
export function delegation(overrides: Partial<Delegation> = {}): Delegation {
  return {
    id: 'd-1',
    partner: 'nikhil',
    requester: 'nikhil',
    delegate: 'arjun',
    bot: null,
    scopes: ['orders:place'],
    connection: null,
    connectionLabel: null,
    duration: 'PT8H',
    justification: 'Holiday cover',
    state: 'AWAITING_MFA',
    requestedAt: '2026-11-26T05:00:00Z',
    grantedAt: null,
    expiresAt: null,
    mfaRequired: true,
    approvalsRequired: 2,
    approvals: [],
    eligibleApprovers: ['priya', 'vikram'],
    timeline: [{ at: '2026-11-26T05:00:00Z', activity: 'Requested', actor: 'nikhil' }],
    ...overrides,
  };
}

export const SCOPES: readonly Scope[] = [
  {
    name: 'orders:place',
    description: 'Place orders for the partner',
    critical: true,
    maxDuration: 'PT8H',
  },
  {
    name: 'reports:read',
    description: 'Read the daily reports',
    critical: false,
    maxDuration: 'P7D',
  },
];
