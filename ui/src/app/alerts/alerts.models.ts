export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

export type AlertState = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export type DeliveryChannel = 'email' | 'slack' | 'sms';

/** `PENDING` while a delivery waits (e.g. in quiet hours); a detail may say `fallback for email`. */
export type DeliveryOutcome = 'SENT' | 'FAILED' | 'SKIPPED' | 'PENDING';

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
  /** Escalation level reached: partner levels 1, 2 (repeated as the policy says), then ops. */
  readonly level: number;
  /** The level at which operations took over (3 unless the policy repeats the partner levels). */
  readonly opsLevel: number;
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
  PENDING: 'Pending',
};

/** The level at which ops are told when the partner levels do not repeat (see `Alert.opsLevel`). */
export const OPS_LEVEL = 3;

/** `Level 1`, `Level 2`, … or `Ops` from the level where operations take over. */
export function levelLabel(level: number, opsLevel: number = OPS_LEVEL): string {
  return level >= opsLevel ? 'Ops' : `Level ${level}`;
}

/** Problem types (slugs) the alert API answers. */
export const ALERT_PROBLEMS = {
  /** 409: the alert was acknowledged or resolved meanwhile. */
  alertClosed: 'alert-closed',
  /** 410: the acknowledgement link was used before. */
  alertLinkUsed: 'alert-link-used',
  /** 410: the acknowledgement link has expired. */
  alertLinkExpired: 'alert-link-expired',
  /** 400: the acknowledgement link was altered or cut short. */
  alertLinkInvalid: 'alert-link-invalid',
} as const;

/** Where a partner is alerted (`GET /api/alert-preferences`). Empty strings and lists mean none. */
export interface AlertChannels {
  readonly emails: readonly string[];
  readonly slackWebhookUrl: string;
  /** E.164 numbers, e.g. `+919800000001`. */
  readonly phones: readonly string[];
  /** An email address or an E.164 number, told from level 2 on; empty for none. */
  readonly backupContact: string;
}

/** When an alert is raised. */
export interface AlertThresholds {
  /** Hours before a credential expires that a warning is raised. */
  readonly credentialWarningHours: number;
  /** Hours before a credential expires that a critical alert is raised (less than the warning). */
  readonly credentialCriticalHours: number;
  /** Failed logins of one user within the window that raise an alert. */
  readonly loginFailures: number;
  readonly loginFailureWindowMinutes: number;
}

/** From `from` to `to` (HH:mm) in `timeZone`; `from` after `to` crosses midnight. */
export interface QuietHours {
  readonly from: string;
  readonly to: string;
  /** IANA time zone, e.g. `Asia/Kolkata`. */
  readonly timeZone: string;
}

/** How long an unacknowledged alert waits before it escalates, per severity (ISO-8601, e.g. `PT30M`). */
export interface EscalationDelays {
  readonly info: string;
  readonly warning: string;
  readonly critical: string;
}

/**
 * A silence: alerts of a type and/or about a resource are not sent until `until`. At least one
 * of `alertType` and `resource` is set.
 */
export interface AlertSilence {
  /** Left out for a new silence. */
  readonly id?: string;
  /** E.g. `credential.expiring`; null for any type. */
  readonly alertType: string | null;
  /** E.g. `connection/<id>`; null for any resource. */
  readonly resource: string | null;
  readonly reason: string;
  /** ISO-8601 instant (UTC). */
  readonly until: string;
}

/** Rules the partner cannot change, shown with the preferences. */
export interface AlertPolicy {
  /** How long a silence holds critical alerts back (ISO-8601, e.g. `PT4H`). */
  readonly criticalMuteLimit: string;
  readonly escalationRepeats: number;
}

/** A partner's preferences, their own (`customised`) or the defaults they follow. */
export interface AlertPreferencesView {
  readonly partner: string;
  readonly customised: boolean;
  readonly channels: AlertChannels;
  readonly thresholds: AlertThresholds;
  /** Left out (or null) when there are none. */
  readonly quietHours?: QuietHours | null;
  readonly escalationDelays: EscalationDelays;
  readonly mutes: readonly AlertSilence[];
  readonly policy: AlertPolicy;
}

/**
 * Body of `PUT /api/alert-preferences`: replaces the preferences whole. A silence left out of
 * `mutes` is lifted; `quietHours` null means none.
 */
export interface AlertPreferencesUpdate {
  readonly channels: AlertChannels;
  readonly thresholds: AlertThresholds;
  readonly quietHours: QuietHours | null;
  readonly escalationDelays: EscalationDelays;
  readonly mutes: readonly AlertSilence[];
}

/** Body of `POST /api/alert-preferences/test`: the channels to send a test message on. */
export interface ChannelTestRequest {
  readonly channels: readonly DeliveryChannel[];
}

/** One test message: where it went and whether it arrived. */
export interface ChannelTestResult {
  readonly channel: DeliveryChannel;
  readonly recipient: string;
  readonly outcome: DeliveryOutcome;
  readonly detail: string | null;
}

export interface ChannelTestReport {
  readonly results: readonly ChannelTestResult[];
}

/** Channels in the order the preferences offer to test them. */
export const CHANNELS: readonly DeliveryChannel[] = ['email', 'slack', 'sms'];

/** What an acknowledgement link shows before it is used (`GET /api/alert-links/{token}`, public). */
export interface AlertLink {
  readonly alertId: string;
  readonly partner: string;
  readonly severity: AlertSeverity;
  readonly summary: string;
  readonly state: AlertState;
  readonly level: number;
  /** Who acknowledged the alert already, if anyone (the engine may leave these out). */
  readonly acknowledgedBy?: string | null;
  readonly acknowledgedAt?: string | null;
  /** ISO-8601 instant after which the link no longer works. */
  readonly expiresAt: string;
}

/** Answer of `POST /api/alert-links/{token}/ack` (public); the engine may send the whole link view. */
export interface AlertLinkAcknowledgement {
  readonly alertId: string;
  readonly state: AlertState;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
}
