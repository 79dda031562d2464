/** alerts: mirrors AlertsWidget.AlertsData and OpenAlerts.Summary. */
export interface OpenAlertSummary {
  readonly id: string;
  readonly type: string;
  readonly resource: string;
  readonly severity: string;
  readonly summary: string;
  readonly state: string;
  readonly count: number;
  readonly raisedAt: string;
  readonly lastSeenAt: string;
}

export interface AlertsData {
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly alerts: readonly OpenAlertSummary[];
}
