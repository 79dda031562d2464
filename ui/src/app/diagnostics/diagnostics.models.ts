/** The OAuth doctor's answers (`POST /api/connections/{id}/diagnose`, `POST /api/diagnostics/oauth`). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** A one-click fix beside a check: copy a value, reconnect, rotate, add the connection again, record a setting. */
export interface CheckFix {
  readonly action: 'copy' | 'reconnect' | 'rotate' | 'add-connection' | 'set-setting';
  readonly label: string;
  readonly value?: string;
  readonly setting?: string;
}

export interface CheckResult {
  readonly id: string;
  readonly status: CheckStatus;
  readonly title: string;
  readonly evidence: string;
  /** The guide section, e.g. `/diagnostics/guides/keys-rejected#check-the-secret`. */
  readonly guide: string;
  readonly fix?: CheckFix;
}

export interface Diagnosis {
  readonly checks: readonly CheckResult[];
  readonly ranAt: string;
  readonly durationMs: number;
}

/** A kept run (`GET /api/connections/{id}/diagnoses`, newest first). */
export interface DiagnosisRun extends Diagnosis {
  readonly id: string;
  readonly ranBy: string;
}

/** A connection as the Diagnostics page lists it (from `GET /api/connections`). */
export interface DiagnosedConnection {
  readonly id: string;
  readonly partner: string;
  readonly label: string;
  readonly brokerName: string;
  readonly state: string;
}
