import {
  Alert,
  AlertDelivery,
  AlertLink,
  AlertLinkAcknowledgement,
  AlertSilence,
  AlertPreferencesView,
  ChannelTestResult,
} from '../alerts.models';

/** Test data for the alert specs. */
export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'a-1',
    partner: 'nitin',
    type: 'policy-violation.rotation-rolled-back',
    resource: 'connection/c-1',
    severity: 'CRITICAL',
    summary: 'Rotation of “Main” was rolled back',
    state: 'OPEN',
    level: 1,
    opsLevel: 3,
    count: 1,
    raisedAt: '2026-11-26T05:00:00Z',
    lastSeenAt: '2026-11-26T05:00:00Z',
    acknowledgedBy: null,
    acknowledgedAt: null,
    acknowledgeReason: null,
    resolvedBy: null,
    resolvedAt: null,
    deliveries: [delivery()],
    ...overrides,
  };
}

export function delivery(overrides: Partial<AlertDelivery> = {}): AlertDelivery {
  return {
    level: 1,
    channel: 'email',
    recipient: 'nitin@example.com',
    at: '2026-11-26T05:00:01Z',
    outcome: 'SENT',
    detail: null,
    ...overrides,
  };
}

/** The alert after `POST /ack`. */
export function acknowledged(overrides: Partial<Alert> = {}): Alert {
  return alert({
    state: 'ACKNOWLEDGED',
    acknowledgedBy: 'nitin',
    acknowledgedAt: '2026-11-26T05:10:00Z',
    ...overrides,
  });
}

/** The alert after `POST /resolve`. */
export function resolved(overrides: Partial<Alert> = {}): Alert {
  return alert({
    state: 'RESOLVED',
    resolvedBy: 'nitin',
    resolvedAt: '2026-11-26T05:20:00Z',
    ...overrides,
  });
}

/** A partner's preferences as `GET /api/alert-preferences` answers them (the defaults). */
export function preferences(overrides: Partial<AlertPreferencesView> = {}): AlertPreferencesView {
  return {
    partner: 'nitin',
    customised: false,
    channels: {
      emails: ['nitin@example.com'],
      slackWebhookUrl: '',
      phones: ['+919800000001'],
      backupContact: '',
    },
    thresholds: {
      credentialWarningHours: 24,
      credentialCriticalHours: 2,
      loginFailures: 5,
      loginFailureWindowMinutes: 5,
    },
    quietHours: { from: '22:00', to: '07:00', timeZone: 'Asia/Kolkata' },
    escalationDelays: { info: 'PT2H', warning: 'PT30M', critical: 'PT5M' },
    mutes: [],
    policy: { criticalMuteLimit: 'PT4H', escalationRepeats: 1 },
    ...overrides,
  };
}

export function silence(overrides: Partial<AlertSilence> = {}): AlertSilence {
  return {
    id: 'm-1',
    alertType: 'credential.expiring',
    resource: null,
    reason: 'maintenance',
    until: '2026-11-26T18:00:00Z',
    ...overrides,
  };
}

export function testResult(overrides: Partial<ChannelTestResult> = {}): ChannelTestResult {
  return {
    channel: 'email',
    recipient: 'nitin@example.com',
    outcome: 'SENT',
    detail: null,
    ...overrides,
  };
}

/** What a fresh acknowledgement link shows. */
export function alertLink(overrides: Partial<AlertLink> = {}): AlertLink {
  return {
    alertId: 'a-1',
    partner: 'nitin',
    severity: 'CRITICAL',
    summary: 'Rotation of “Main” was rolled back',
    state: 'OPEN',
    level: 1,
    expiresAt: '2026-11-27T05:00:00Z',
    ...overrides,
  };
}

/** The answer of `POST /api/alert-links/{token}/ack`. */
export function linkAcknowledged(
  overrides: Partial<AlertLinkAcknowledgement> = {},
): AlertLinkAcknowledgement {
  return {
    alertId: 'a-1',
    state: 'ACKNOWLEDGED',
    acknowledgedBy: 'nitin@example.com',
    acknowledgedAt: '2026-11-26T05:10:00Z',
    ...overrides,
  };
}
