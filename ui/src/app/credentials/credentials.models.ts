/** How the engine talks to a broker. */
export type BrokerAdapter = 'oauth2' | 'kite-connect';

/** A broker the workspace can connect to (`GET /api/brokers`). */
export interface Broker {
  /** E.g. `broker-sim`, `kite`. */
  readonly id: string;
  /** E.g. "Zerodha Kite Connect". */
  readonly name: string;
  readonly adapter: BrokerAdapter;
  /** What the broker calls the key, e.g. "Client ID" or "API key". */
  readonly apiKeyLabel: string;
  /** What the broker calls the secret, e.g. "Client secret" or "API secret". */
  readonly apiSecretLabel: string;
  readonly supportsRefresh: boolean;
  readonly supportsRevocation: boolean;
}

export type ConnectionState =
  | 'AWAITING_AUTHORISATION'
  | 'ACTIVE'
  | 'EXPIRING'
  | 'EXPIRED'
  | 'REVOKED'
  | 'KEYS_REJECTED'
  | 'BROKER_UNREACHABLE';

/** Human text for every connection state. */
export const CONNECTION_STATE_LABELS: Readonly<Record<ConnectionState, string>> = {
  AWAITING_AUTHORISATION: 'Awaiting authorisation',
  ACTIVE: 'Active',
  EXPIRING: 'Expiring',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  KEYS_REJECTED: 'Keys rejected',
  BROKER_UNREACHABLE: 'Broker unreachable',
};

/** States whose token can be used: rotate, reveal and share are offered. */
export const USABLE_STATES: readonly ConnectionState[] = ['ACTIVE', 'EXPIRING'];

/** States that need a new broker login: Reconnect is offered. */
export const RECONNECTABLE_STATES: readonly ConnectionState[] = [
  'EXPIRED',
  'KEYS_REJECTED',
  'BROKER_UNREACHABLE',
  'AWAITING_AUTHORISATION',
];

/** What the engine is doing with a connection right now. */
export type ConnectionActivity = 'onboarding' | 'rotation' | 'revocation';

export const CONNECTION_ACTIVITY_LABELS: Readonly<Record<ConnectionActivity, string>> = {
  onboarding: 'Onboarding in progress…',
  rotation: 'Rotation in progress…',
  revocation: 'Revocation in progress…',
};

/** Why a connection does not work, with the UI path of its troubleshooting guide. */
export interface ConnectionFailure {
  /** Problem type, e.g. `https://partner-workspace/problems/keys-rejected`. */
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** A path inside the UI, e.g. `/diagnostics/guides/keys-rejected`. */
  readonly guide: string;
}

/** A broker connection (the partner's keys and the token the broker issued for them). */
export interface Connection {
  readonly id: string;
  readonly partner: string;
  /** Broker id, e.g. `kite`. */
  readonly broker: string;
  readonly brokerName: string;
  readonly label: string;
  readonly state: ConnectionState;
  /** The key with all but its last characters hidden, e.g. `••••1234`. */
  readonly maskedKey: string;
  readonly createdBy: string;
  /** ISO-8601 instants (or null when not known yet). */
  readonly createdAt: string;
  readonly tokenIssuedAt: string | null;
  readonly tokenAgeSeconds: number | null;
  readonly expiresAt: string | null;
  readonly nextRotationAt: string | null;
  readonly lastVerifiedAt: string | null;
  /** How long the broker took to answer the last verification. */
  readonly lastVerificationMillis: number | null;
  readonly failure: ConnectionFailure | null;
  /** Where the browser signs in at the broker (set while a broker login is expected). */
  readonly authorizationUrl: string | null;
  readonly activity: ConnectionActivity | null;
}

/** Body of `POST /api/connections`. */
export interface NewConnection {
  readonly broker: string;
  readonly label: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** The secret values of a connection (revealed or opened from a share link). */
export interface SecretValues {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly accessToken?: string | null;
}

/** Answer of `POST /api/connections/{id}/reveal`. */
export interface RevealedSecret {
  readonly values: SecretValues;
  /** How long the UI shows the values before masking them again. */
  readonly shownForSeconds: number;
}

/**
 * Body of `POST /api/connections/{id}/share`: either `recipient` (one of the partner's people) or
 * `outsideEmail` (an address outside the partner, named on purpose and audited as such).
 */
export type ShareRequest =
  | {
      /** A username: the partner's own users, its team, or a delegate with a live grant. */
      readonly recipient: string;
      readonly outsideEmail?: undefined;
      /** ISO-8601 duration, at most `PT24H`. */
      readonly ttl: string;
    }
  | {
      readonly recipient?: undefined;
      /** An email address outside the partner. */
      readonly outsideEmail: string;
      readonly ttl: string;
    };

/** Answer of `POST /api/connections/{id}/share`. */
export interface ShareLink {
  readonly url: string;
  readonly recipient: string;
  readonly expiresAt: string;
}

/** How long a share link stays valid (values of the "Link valid for" select). */
export const SHARE_TTLS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'PT15M', label: '15 minutes' },
  { value: 'PT1H', label: '1 hour' },
  { value: 'PT4H', label: '4 hours' },
  { value: 'PT24H', label: '24 hours' },
];

/** Answer of `POST /api/shares/{id}/code` (public). */
export interface ShareCodeSent {
  /** The recipient's address, partly hidden, e.g. `a•••@example.com`. */
  readonly recipientHint: string;
  readonly codeExpiresAt: string;
}

/** Answer of `POST /api/shares/{id}/open` (public): the shared values, shown once. */
export interface OpenedShare {
  readonly label: string;
  readonly broker: string;
  readonly values: SecretValues;
}

/** Problem slugs the credential pages react to. */
export const PROBLEMS = {
  rotationNeedsBrokerLogin: 'rotation-needs-broker-login',
  invalidShareCode: 'invalid-share-code',
  linkUsedOrExpired: 'link-used-or-expired',
} as const;
