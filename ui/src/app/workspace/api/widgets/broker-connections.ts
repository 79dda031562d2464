/** broker-connections: mirrors BrokerConnectionsWidget.BrokerConnectionsData and ConnectionStatus.Summary. */
export type ConnectionAction = 'RECONNECT' | 'FIX' | 'ROTATE';

export interface ConnectionSummary {
  readonly id: string;
  readonly label: string;
  readonly broker: string;
  readonly brokerName: string;
  /** ACTIVE, EXPIRING, EXPIRED, AWAITING_AUTHORISATION, KEYS_REJECTED, BROKER_UNREACHABLE or REVOKED. */
  readonly state: string;
  readonly tokenIssuedAt: string | null;
  readonly tokenAgeSeconds: number | null;
  readonly expiresAt: string | null;
  readonly dailyCutOffAt: string | null;
  readonly nextRotationAt: string | null;
  readonly lastVerifiedAt: string | null;
  readonly action: ConnectionAction | null;
  readonly guide: string | null;
}

export interface BrokerConnectionsData {
  readonly connections: readonly ConnectionSummary[];
}
