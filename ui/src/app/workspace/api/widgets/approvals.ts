/** approvals: mirrors ApprovalsWidget.ApprovalsData. */
export interface WaitingApproval {
  readonly taskId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly ageSeconds: number;
}

export interface ApprovalsData {
  readonly waiting: readonly WaitingApproval[];
  /** Median seconds from task created to decided (last 100), null without decisions. */
  readonly myMedianDecisionSeconds: number | null;
  readonly decisionsCounted: number;
}
