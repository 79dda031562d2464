/** audit: mirrors AuditWidget.AuditData and AuditEntries.Entry. */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
}

export interface AuditData {
  readonly entries: readonly AuditEntry[];
}
