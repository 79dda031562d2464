export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

export type AlertState = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export type DeliveryChannel = 'email' | 'slack' | 'sms';

export type DeliveryOutcome = 'SENT' | 'FAILED' | 'SKIPPED';

/** One attempt to tell someone about an alert, at one escalation level. */
export interface AlertDelivery {
  /** Escalation level: 1, 2, 3 (= ops). */
  readonly level: number;
  readonly channel: DeliveryChannel;
  readonly recipient: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly outcome: DeliveryOutcome;
  /** Why it failed or was skipped; null when there is nothing to add. */
  readonly detail: string | null;
}

/** An alert as the engine returns it (`GET /api/alerts`, newest first). */
export interface Alert {
  readonly id: string;
  readonly partner: string;
  /** What raised it, e.g. `policy-violation.rotation-rolled-back` or `test`. */
  readonly type: string;
  /** What it is about, e.g. `connection/<id>`. */
  readonly resource: string;
  readonly severity: AlertSeverity;
  readonly summary: string;
  readonly state: AlertState;
  /** Escalation level reached: 1, 2, 3 (= ops). */
  readonly level: number;
  /** How often it was raised; repeats are folded into one alert. */
  readonly count: number;
  /** ISO-8601 instants. */
  readonly raisedAt: string;
  readonly lastSeenAt: string;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgeReason: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  readonly deliveries: readonly AlertDelivery[];
}

/** Body of `POST /api/alerts/{id}/ack`; without a reason the body is `{}`. */
export interface AcknowledgeRequest {
  readonly reason?: string;
}

/** Body of `POST /api/alerts/test` (ops only). */
export interface TestAlertRequest {
  readonly partner: string;
  readonly severity: AlertSeverity;
}

export const SEVERITY_LABELS: Readonly<Record<AlertSeverity, string>> = {
  CRITICAL: 'Critical',
  WARNING: 'Warning',
  INFO: 'Info',
};

/** Severities in the order the test alert form offers them. */
export const SEVERITIES: readonly AlertSeverity[] = ['INFO', 'WARNING', 'CRITICAL'];

export const ALERT_STATE_LABELS: Readonly<Record<AlertState, string>> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved',
};

export const CHANNEL_LABELS: Readonly<Record<DeliveryChannel, string>> = {
  email: 'Email',
  slack: 'Slack',
  sms: 'SMS',
};

export const OUTCOME_LABELS: Readonly<Record<DeliveryOutcome, string>> = {
  SENT: 'Sent',
  FAILED: 'Failed',
  SKIPPED: 'Skipped',
};

/** The level at which ops are told. */
export const OPS_LEVEL = 3;

/** `Level 1`, `Level 2`, or `Ops` for level 3 and above. */
export function levelLabel(level: number): string {
  return level >= OPS_LEVEL ? 'Ops' : `Level ${level}`;
}

/** Problem types (slugs) the alert API answers. */
export const ALERT_PROBLEMS = {
  /** 409: the alert was acknowledged or resolved meanwhile. */
  alertClosed: 'alert-closed',
} as const;
