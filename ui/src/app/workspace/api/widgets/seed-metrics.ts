/** seed-metrics (ops): mirrors SeedMetrics.Metrics (also `GET /api/metrics/seed`). */
export interface OnboardingTime {
  readonly partner: string;
  readonly invitedAt: string;
  readonly firstActiveAt: string | null;
  readonly minutes: number | null;
}

export interface MonthDecisions {
  readonly month: string;
  readonly approved: number;
  readonly rejected: number;
}

export interface MonthScore {
  readonly month: string;
  readonly answers: number;
  readonly average: number;
}

export interface Satisfaction {
  readonly answers: number;
  readonly average: number | null;
  readonly byScore: Readonly<Record<string, number>>;
  readonly byMonth: readonly MonthScore[];
}

export interface SeedMetricsData {
  readonly generatedAt: string;
  readonly onboarding: readonly OnboardingTime[];
  readonly approvalsPerMonth: readonly MonthDecisions[];
  readonly satisfaction: Satisfaction;
}
