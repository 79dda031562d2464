/** A scope a delegation can grant (`GET /api/scopes`). */
export interface Scope {
  /** E.g. `orders:place`. */
  readonly name: string;
  readonly description: string;
  /** Critical scopes need MFA from the requester and approvals. */
  readonly critical: boolean;
  /** Longest allowed duration, ISO-8601 (e.g. `PT8H`). */
  readonly maxDuration: string;
}

/** A member of the partner's team (`GET /api/partners/{partner}/team`). */
export interface TeamMember {
  readonly username: string;
  readonly displayName: string;
}

/**
 * One of the partner's broker connections (`GET /api/connections`): a delegation of credentials
 * scopes can be limited to it.
 */
export interface ConnectionChoice {
  readonly id: string;
  readonly label: string;
  readonly state: string;
}

export type DelegationState =
  | 'AWAITING_MFA'
  | 'AWAITING_APPROVAL'
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED'
  | 'REJECTED'
  | 'TIMED_OUT';

/** Human text for every delegation state. */
export const DELEGATION_STATE_LABELS: Readonly<Record<DelegationState, string>> = {
  AWAITING_MFA: 'Awaiting MFA',
  AWAITING_APPROVAL: 'Awaiting approval',
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  REJECTED: 'Rejected',
  TIMED_OUT: 'Timed out',
};

/** States in which a delegation can still be revoked. */
export const REVOCABLE_STATES: readonly DelegationState[] = [
  'AWAITING_MFA',
  'AWAITING_APPROVAL',
  'ACTIVE',
];

export interface DelegationBot {
  readonly name: string;
  /** The bot's client id, once its client exists. */
  readonly clientId: string | null;
}

export interface DelegationApproval {
  readonly approver: string;
  readonly approved: boolean;
  readonly comment: string | null;
  /** ISO-8601 instant. */
  readonly at: string;
}

export interface TimelineEntry {
  /** ISO-8601 instant. */
  readonly at: string;
  readonly activity: string;
  readonly actor: string | null;
}

/** A delegation as the engine returns it. Either `delegate` (a teammate) or `bot` is set. */
export interface Delegation {
  readonly id: string;
  readonly partner: string;
  readonly requester: string;
  readonly delegate: string | null;
  readonly bot?: DelegationBot | null;
  readonly scopes: readonly string[];
  /** The broker connection the grant is limited to (its id); null for all connections. */
  readonly connection: string | null;
  /** That connection's label. */
  readonly connectionLabel: string | null;
  /** ISO-8601 duration, e.g. `PT8H`. */
  readonly duration: string;
  readonly justification: string;
  readonly state: DelegationState;
  readonly requestedAt: string;
  readonly grantedAt: string | null;
  readonly expiresAt: string | null;
  readonly mfaRequired: boolean;
  readonly approvalsRequired: number;
  readonly approvals: readonly DelegationApproval[];
  readonly eligibleApprovers: readonly string[];
  readonly timeline: readonly TimelineEntry[];
}

/** Which delegations to list: requested by me, waiting for my approval, or granted to me. */
export type DelegationView = 'mine' | 'to-approve' | 'granted-to-me';

/**
 * Body of `POST /api/delegations`: to a teammate (`delegate`) or to a new bot (`bot`); `connection`
 * limits it to one broker connection.
 */
export type DelegationRequest = {
  readonly scopes: readonly string[];
  readonly connection?: string;
  readonly duration: string;
  readonly justification: string;
} & ({ readonly delegate: string } | { readonly bot: { readonly name: string } });

/** Answer of `POST /api/delegations/bot-secret`: the bot's client credentials, shown once. */
export interface BotSecret {
  readonly clientId: string;
  readonly clientSecret: string;
}
