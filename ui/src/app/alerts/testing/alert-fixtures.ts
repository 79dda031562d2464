import { Alert, AlertDelivery } from '../alerts.models';

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
