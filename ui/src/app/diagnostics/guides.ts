/** Troubleshooting guides for broker connections, linked from failures as `/diagnostics/guides/<slug>`. */
export interface Guide {
  readonly slug: string;
  /** The problem's name (the guide's heading). */
  readonly title: string;
  /** What happened, in one or two sentences. */
  readonly summary: string;
  readonly causes: readonly string[];
  readonly steps: readonly string[];
  /** What not to do, or what to know. */
  readonly notes?: readonly string[];
}

/** Where brokers send the browser back; registered at the broker as the app's redirect URI. */
export const CALLBACK_PATH = '/api/brokers/callback';

export const GUIDES: readonly Guide[] = [
  {
    slug: 'keys-rejected',
    title: 'Keys rejected',
    summary:
      'The broker refused the client ID / API key or the client secret / API secret that the ' +
      'workspace sent for this connection.',
    causes: [
      'A typo when the keys were entered: a missing or extra character, or a space or line ' +
        'break copied along with the value.',
      'The key and the secret were swapped, or belong to two different apps at the broker.',
      'The app is disabled, suspended or not (yet) active at the broker, e.g. its subscription ' +
        'has lapsed.',
      'The secret was regenerated at the broker after it was stored here, so the stored one no ' +
        'longer matches.',
    ],
    steps: [
      "Open the app in the broker's developer console and compare its key with the masked key " +
        "on the connection's card (the last characters must match).",
      'Check that the app is enabled and active at the broker.',
      'Add the connection again with the corrected keys ("Add connection"), then revoke the ' +
        'rejected one. Reconnect signs in with the keys already stored, so it cannot fix them.',
      'Regenerate the secret only if the broker confirms that the key or secret is invalid. A ' +
        'new secret invalidates the old one everywhere it is still in use.',
    ],
    notes: [
      'An expired session or token is not a reason to regenerate keys: the keys stay valid. ' +
        'Use Reconnect instead (see "Connection expired").',
    ],
  },
  {
    slug: 'access-denied',
    title: 'Access denied',
    summary:
      'The broker login ended without access for the workspace: the consent screen was declined, ' +
      'or the broker account that signed in may not grant the access the app asks for.',
    causes: [
      '"Deny" or "Cancel" was chosen on the broker\'s consent screen, or the window was closed ' +
        'there.',
      'The broker account that signed in lacks the permission the app requests (e.g. API access ' +
        'is not enabled for it), or it is not an account the app may be used with.',
    ],
    steps: [
      'Use Reconnect and allow access on the consent screen.',
      'Make sure you sign in with the broker account the connection is meant for.',
      "If the broker still refuses, ask the broker (or the account's administrator) to enable " +
        'API access for that account.',
    ],
    notes: ['The keys are not the problem here: do not regenerate them.'],
  },
  {
    slug: 'redirect-uri-mismatch',
    title: 'Redirect URI mismatch',
    summary:
      'The broker sends the browser back only to a redirect URI registered for the app. The one ' +
      `registered at the broker must be exactly <workspace URL>${CALLBACK_PATH}.`,
    causes: [
      'A different scheme (http instead of https), host or port than the address of the ' +
        'workspace.',
      'A different path, a trailing slash or different upper/lower case.',
      'The workspace moved to a new address and the app at the broker still has the old one.',
    ],
    steps: [
      "Open the app's settings in the broker's developer console (Kite Connect calls the field " +
        '"Redirect URL").',
      `Set it to the workspace's address followed by ${CALLBACK_PATH}, character for character.`,
      'Save, then use Reconnect on the connection. The keys stay valid.',
    ],
  },
  {
    slug: 'broker-unreachable',
    title: 'Broker unreachable',
    summary:
      "The workspace could not reach the broker's API: a network or DNS problem, or an outage " +
      'or maintenance at the broker.',
    causes: [
      'The broker is down or in scheduled maintenance.',
      "The workspace server cannot resolve or reach the broker's host (DNS, firewall, proxy).",
      'The broker answered too slowly and the call timed out.',
    ],
    steps: [
      "Check the broker's status page or announcements for an outage or maintenance window.",
      'Check whether other connections to the same broker fail too: then the cause is the ' +
        'broker or the network, not this connection.',
      'Wait: the workspace retries on its own and the connection returns to Active when the ' +
        'broker answers again.',
      'If it stays unreachable while the broker is up, ask the workspace operators to check ' +
        "DNS, firewall and proxy settings for the broker's host.",
      'If the token expired in the meantime, use Reconnect once the broker is back.',
    ],
    notes: ['Do not regenerate keys or revoke the connection because of an outage.'],
  },
  {
    slug: 'connection-expired',
    title: 'Connection expired',
    summary:
      "The broker's token for this connection has ended. Tokens end at the broker's cut-off " +
      'whether or not they were used; for example, Kite Connect access tokens expire at 06:00 ' +
      'IST every day.',
    causes: [
      "The broker's daily or fixed cut-off passed (Kite Connect: 06:00 IST, after which a new " +
        'login is needed).',
      'The broker ended the session, e.g. after a logout from all devices or a password change.',
      'A broker without refresh tokens cannot renew the token by rotation; it needs a new login.',
    ],
    steps: [
      "Use Reconnect on the connection's card and sign in at the broker.",
      'The workspace verifies the new token and the connection returns to Active.',
    ],
    notes: [
      'The keys stay valid: an expired token is not a reason to regenerate them.',
      'Delegations that use the connection work again once it is Active.',
    ],
  },
  {
    slug: 'connection-revoked',
    title: 'Connection revoked',
    summary:
      'The connection was revoked: its token was revoked at the broker, every stored version ' +
      'of the credential was destroyed, and delegations that depended on it ended.',
    causes: [
      'Someone in the workspace chose Revoke on the connection.',
      'The connection was revoked in response to a security event.',
    ],
    steps: [
      'A revoked connection cannot be reconnected or restored.',
      'If you still need access to the broker, add a new connection ("Add connection") and ' +
        'request new delegations where needed.',
      'If you did not expect the revocation, check the Audit page to see who revoked it and when.',
    ],
  },
  {
    slug: 'awaiting-authorisation',
    title: 'Awaiting authorisation',
    summary:
      'The keys are stored, but the broker login was not completed, so the broker has not ' +
      'issued a token yet.',
    causes: [
      'The browser window was closed or left before the broker sent it back to the workspace.',
      'The login link expired: broker login links expire after 30 minutes.',
      'The login was interrupted by an error at the broker.',
    ],
    steps: [
      "Use Reconnect on the connection's card to get a fresh broker login.",
      'Sign in at the broker and allow access; the broker sends you back to the Credentials page.',
    ],
    notes: ['The stored keys stay: there is no need to add the connection again.'],
  },
];

export function findGuide(slug: string): Guide | null {
  return GUIDES.find((guide) => guide.slug === slug) ?? null;
}
