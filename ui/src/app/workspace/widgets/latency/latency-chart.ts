import { ChartConfiguration } from 'chart.js';
import { LatencyPoint } from '../../api/widgets/latency';
import { LatencyWindow } from '../../api/workspace.models';

/** The series' resolution per window: ~100-300 points, read from the rollups for long windows. */
export const STEP_OF_WINDOW: Readonly<Record<LatencyWindow, string>> = {
  PT24H: 'PT15M',
  P7D: 'PT1H',
  P30D: 'PT6H',
};

export const WINDOW_LABELS: Readonly<Record<LatencyWindow, string>> = {
  PT24H: '24 h',
  P7D: '7 d',
  P30D: '30 d',
};

/** The axis label of a point: the time for one day, the date (and hour) for longer windows. */
export function pointLabel(at: string, window: LatencyWindow): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (window === 'PT24H') {
    return time;
  }
  const day = date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return window === 'P7D' ? `${day} ${time}` : day;
}

/** p50 and p95 as lines, and the SLA's p95 target as a dashed line. */
export function latencyChartData(
  series: readonly LatencyPoint[],
  targetMs: number,
  window: LatencyWindow,
): ChartConfiguration<'line'>['data'] {
  return {
    labels: series.map((point) => pointLabel(point.at, window)),
    datasets: [
      { label: 'p50 (ms)', data: series.map((p) => p.p50), spanGaps: true, pointRadius: 0 },
      { label: 'p95 (ms)', data: series.map((p) => p.p95), spanGaps: true, pointRadius: 0 },
      {
        label: `SLA target p95 (${targetMs} ms)`,
        data: series.map(() => targetMs),
        borderDash: [6, 4],
        pointRadius: 0,
      },
    ],
  };
}
