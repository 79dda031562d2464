/** latency: mirrors LatencyWidget.LatencyData and BrokerLatency (also `GET /api/partners/{partner}/latency`). */
export interface SlaTarget {
  readonly p95Ms: number;
  readonly errorRate: number;
}

export interface SlaAchieved {
  readonly p95Ms: number | null;
  readonly errorRate: number | null;
  readonly withinTargetShare: number | null;
  readonly met: boolean | null;
}

export interface Sla {
  readonly target: SlaTarget;
  readonly achieved: SlaAchieved;
}

export interface LatencySummary {
  readonly window: string;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly errors: number;
  readonly samples: number;
  readonly connections: number;
  readonly sla: Sla;
}

export interface LatencyData {
  readonly summary: LatencySummary;
}

export interface LatencyPoint {
  readonly at: string;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly errors: number;
  readonly samples: number;
}

/** `GET /api/partners/{partner}/latency`: LatencyReport. */
export interface LatencyReport {
  readonly series: readonly LatencyPoint[];
  readonly sla: Sla;
}
