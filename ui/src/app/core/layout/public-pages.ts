/**
 * Pages anyone may open without a login (a share link mailed to its recipient, the
 * acknowledgement link of an alert message, the page for a broker login that another browser
 * started). They render on their own, outside the shell and the landing page, whether or not the
 * visitor is signed in.
 */
export const PUBLIC_PAGE_PREFIXES: readonly string[] = [
  '/share/',
  '/ack/',
  '/credentials/login-elsewhere',
];

/** True when the URL (path, optionally with query or fragment) belongs to a public page. */
export function isPublicPage(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0];
  return PUBLIC_PAGE_PREFIXES.some((prefix) => path.startsWith(prefix));
}
