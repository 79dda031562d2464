import { Broker, Connection } from '../credentials.models';

/** Test data for the credential specs. */
export function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: 'c-1',
    partner: 'nikhil',
    broker: 'kite',
    brokerName: 'Zerodha Kite Connect',
    label: 'Main account',
    state: 'ACTIVE',
    maskedKey: '••••1234',
    createdBy: 'nikhil',
    createdAt: '2026-11-26T04:00:00Z',
    tokenIssuedAt: '2026-11-26T04:00:00Z',
    tokenAgeSeconds: 3600,
    expiresAt: '2026-11-27T00:30:00Z',
    nextRotationAt: null,
    lastVerifiedAt: '2026-11-26T04:00:05Z',
    lastVerificationMillis: 312,
    failure: null,
    authorizationUrl: null,
    activity: null,
    ...overrides,
  };
}

export const BROKERS: readonly Broker[] = [
  {
    id: 'broker-sim',
    name: 'Broker Sim (OAuth 2)',
    adapter: 'oauth2',
    apiKeyLabel: 'Client ID',
    apiSecretLabel: 'Client secret',
    supportsRefresh: true,
    supportsRevocation: true,
  },
  {
    id: 'kite',
    name: 'Zerodha Kite Connect',
    adapter: 'kite-connect',
    apiKeyLabel: 'API key',
    apiSecretLabel: 'API secret',
    supportsRefresh: false,
    supportsRevocation: true,
  },
];

export const KEYS_REJECTED = {
  type: 'https://partner-workspace/problems/keys-rejected',
  title: 'Keys rejected',
  detail: 'The broker refused the API key or secret.',
  guide: '/diagnostics/guides/keys-rejected#check-the-secret',
};
