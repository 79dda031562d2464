/** partner-overview: mirrors PartnerOverviewWidget.PartnerOverviewData. */
export interface PartnerRow {
  readonly partner: string;
  readonly connections: number;
  readonly connectionsNeedingAction: number;
  readonly openAlerts: number;
}

export interface PartnerOverviewData {
  readonly partners: readonly PartnerRow[];
}
