import { ChartConfiguration } from 'chart.js';
import { MonthDecisions, MonthScore, OnboardingTime } from '../../api/widgets/seed-metrics';

/** The seed's target: a new partner self-serves to an Active connection in under 30 minutes. */
export const ONBOARDING_TARGET_MINUTES = 30;

/** Minutes from invitation to first Active connection per onboarded partner, against the target. */
export function onboardingChart(
  onboarded: readonly OnboardingTime[],
): ChartConfiguration<'bar'>['data'] {
  const done = onboarded.filter((p) => p.minutes !== null);
  return {
    labels: done.map((p) => p.partner),
    datasets: [
      { label: 'Minutes to first Active connection', data: done.map((p) => p.minutes ?? 0) },
      {
        type: 'line' as never,
        label: `Target (${ONBOARDING_TARGET_MINUTES} min)`,
        data: done.map(() => ONBOARDING_TARGET_MINUTES),
        borderDash: [6, 4],
        pointRadius: 0,
      } as never,
    ],
  };
}

/** Approved and rejected delegated-access requests per month, stacked. */
export function decisionsChart(
  months: readonly MonthDecisions[],
): ChartConfiguration<'bar'>['data'] {
  return {
    labels: months.map((m) => m.month),
    datasets: [
      { label: 'Approved', data: months.map((m) => m.approved), stack: 'decisions' },
      { label: 'Rejected', data: months.map((m) => m.rejected), stack: 'decisions' },
    ],
  };
}

/** The mean survey score (1-5) per month. */
export function satisfactionChart(
  months: readonly MonthScore[],
): ChartConfiguration<'line'>['data'] {
  return {
    labels: months.map((m) => m.month),
    datasets: [{ label: 'Mean score (1-5)', data: months.map((m) => m.average) }],
  };
}
