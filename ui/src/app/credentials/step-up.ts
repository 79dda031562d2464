import { ShareRequest } from './credentials.models';

/**
 * What reveal and share remember for the MFA step-up (see `core/auth/step-up.ts`): the return
 * paths name the connection, and the page acts again only when the query and the remembered
 * request name the same connection.
 */
export const PENDING_REVEAL_KEY = 'pw.credentials.pending-reveal';
export const PENDING_SHARE_KEY = 'pw.credentials.pending-share';

export type PendingShare = ShareRequest & {
  readonly connectionId: string;
};

export function revealReturnPath(connectionId: string): string {
  return `/credentials?reveal=${encodeURIComponent(connectionId)}`;
}

export function shareReturnPath(connectionId: string): string {
  return `/credentials?share=${encodeURIComponent(connectionId)}`;
}

/** True when the remembered reveal is of this connection. */
export function isPendingReveal(pending: unknown, connectionId: string): boolean {
  return pending === connectionId;
}

/** The remembered share request when it is for this connection, else null. */
export function pendingShareOf(pending: unknown, connectionId: string): ShareRequest | null {
  const share = (pending ?? {}) as Partial<Record<keyof PendingShare, unknown>>;
  if (share.connectionId !== connectionId || typeof share.ttl !== 'string') {
    return null;
  }
  if (typeof share.recipient === 'string') {
    return { recipient: share.recipient, ttl: share.ttl };
  }
  return typeof share.outsideEmail === 'string'
    ? { outsideEmail: share.outsideEmail, ttl: share.ttl }
    : null;
}
