import { ShareRequest } from './credentials.models';

/**
 * Reveal and share need a fresh MFA login. When the engine answers 403 `mfa-step-up-required`,
 * the page remembers what the user asked for in this tab (sessionStorage) and steps up with a
 * return path like `/credentials?reveal=<id>`; back on the page, the request is sent again once,
 * only when both the query and the remembered request name the same connection (so neither a
 * crafted link nor a second refusal starts anything on its own).
 */
export const PENDING_REVEAL_KEY = 'pw.credentials.pending-reveal';
export const PENDING_SHARE_KEY = 'pw.credentials.pending-share';

type PendingShare = ShareRequest & {
  readonly connectionId: string;
};

export function revealReturnPath(connectionId: string): string {
  return `/credentials?reveal=${encodeURIComponent(connectionId)}`;
}

export function shareReturnPath(connectionId: string): string {
  return `/credentials?share=${encodeURIComponent(connectionId)}`;
}

export function rememberReveal(connectionId: string): void {
  sessionStorage.setItem(PENDING_REVEAL_KEY, connectionId);
}

export function rememberShare(connectionId: string, request: ShareRequest): void {
  const pending: PendingShare = { connectionId, ...request };
  sessionStorage.setItem(PENDING_SHARE_KEY, JSON.stringify(pending));
}

/** True (once) when a reveal of this connection waited for the step-up login. */
export function takePendingReveal(connectionId: string): boolean {
  const pending = sessionStorage.getItem(PENDING_REVEAL_KEY);
  sessionStorage.removeItem(PENDING_REVEAL_KEY);
  return pending !== null && pending === connectionId;
}

/** The share request (once) that waited for the step-up login for this connection, or null. */
export function takePendingShare(connectionId: string): ShareRequest | null {
  const raw = sessionStorage.getItem(PENDING_SHARE_KEY);
  sessionStorage.removeItem(PENDING_SHARE_KEY);
  if (raw === null) {
    return null;
  }
  try {
    const pending = JSON.parse(raw) as Partial<Record<keyof PendingShare, unknown>>;
    if (pending.connectionId !== connectionId || typeof pending.ttl !== 'string') {
      return null;
    }
    if (typeof pending.recipient === 'string') {
      return { recipient: pending.recipient, ttl: pending.ttl };
    }
    return typeof pending.outsideEmail === 'string'
      ? { outsideEmail: pending.outsideEmail, ttl: pending.ttl }
      : null;
  } catch {
    return null;
  }
}
