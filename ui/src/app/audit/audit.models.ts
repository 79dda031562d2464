/** One entry of the hash-chained audit trail. */
export interface AuditEntry {
  readonly id: number | string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly actor: string;
  readonly partner: string | null;
  readonly action: string;
  readonly target: string | null;
  /** Free-form JSON about the action (usually an object). */
  readonly details: unknown;
  /** Hash over this entry and the previous one's hash. */
  readonly hash: string;
}

/** One page of `GET /api/audit`. */
export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly page: number;
  readonly size: number;
  readonly total: number;
}

/** Query of `GET /api/audit`; empty filters are not sent, `from`/`to` are ISO-8601 instants. */
export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page: number;
  readonly size: number;
}

/** Answer of `GET /api/audit/verify`. */
export interface AuditVerification {
  readonly ok: boolean;
  /** Number of entries checked. */
  readonly entries: number;
  /** First entry whose hash does not match (only when `ok` is false). */
  readonly firstBrokenId?: number | string | null;
  /** When the walk of the chain that gave this answer began (answers are reused for a few seconds). */
  readonly verifiedAt?: string;
}
