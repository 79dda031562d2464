/**
 * Troubleshooting guides for broker connections. Their content is Markdown in `ui/public/guides/<slug>.md`
 * (served at `/guides/<slug>.md`), each section with a stable anchor (`## Heading {#anchor}`); failures link
 * to a section as `/diagnostics/guides/<slug>#<anchor>`. The engine's GuideLinksTest checks that every link
 * it can emit, and this index, match the files.
 */
export interface GuideEntry {
  readonly slug: string;
  /** The guide's title (its `# ` heading). */
  readonly title: string;
}

/** The app path of the guides (`system.Guides.BASE` in the engine). */
export const GUIDES_BASE = '/diagnostics/guides/';

/** Where brokers send the browser back; registered at the broker as the app's redirect URI. */
export const CALLBACK_PATH = '/api/brokers/callback';

export const GUIDES: readonly GuideEntry[] = [
  { slug: 'keys-rejected', title: 'Keys rejected' },
  { slug: 'access-denied', title: 'Access denied' },
  { slug: 'redirect-uri-mismatch', title: 'Redirect URI mismatch' },
  { slug: 'code-reused-or-expired', title: 'Code used twice, expired, or clocks apart' },
  { slug: 'broker-unreachable', title: 'Broker unreachable' },
  { slug: 'connection-expired', title: 'Connection expired' },
  { slug: 'daily-relogin', title: 'Daily re-login' },
  { slug: 'connection-revoked', title: 'Connection revoked' },
  { slug: 'awaiting-authorisation', title: 'Awaiting authorisation' },
  { slug: 'insufficient-scope', title: 'Insufficient scope' },
  { slug: 'mfa-problems', title: 'MFA problems' },
  { slug: 'static-address', title: 'Static address' },
  // docs/partner-onboarding.md (linked from public/guides), also the shell's Help.
  { slug: 'partner-onboarding', title: 'Partner onboarding guide' },
];

/** The partner guide: first login to an Active connection, delegations, alert channels. */
export const HELP_PATH = '/diagnostics/guides/partner-onboarding';

export function findGuide(slug: string): GuideEntry | null {
  return GUIDES.find((guide) => guide.slug === slug) ?? null;
}

/** Where the guide's Markdown is served. */
export function guideFile(slug: string): string {
  return `/guides/${encodeURIComponent(slug)}.md`;
}
