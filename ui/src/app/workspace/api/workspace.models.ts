/** The shared contract of issue 22: widget ids, sizes and windows. */
export const WIDGET_IDS = [
  'login-health',
  'broker-connections',
  'upcoming-rotations',
  'latency',
  'delegations',
  'alerts',
  'audit',
  'approvals',
  'platform-health',
  'partner-overview',
  'seed-metrics',
  'onboarding',
] as const;
export type WidgetId = (typeof WIDGET_IDS)[number];

export const WIDGET_SIZES = ['S', 'M', 'L'] as const;
export type WidgetSize = (typeof WIDGET_SIZES)[number];

export const WINDOWS = ['PT24H', 'P7D', 'P30D'] as const;
export type LatencyWindow = (typeof WINDOWS)[number];

/** Per-widget settings: `window` and numeric thresholds (see HELPERS.md, "Settings keys"). */
export interface WidgetSettings {
  readonly window?: LatencyWindow;
  readonly warnHours?: number;
  readonly p95TargetMs?: number;
  readonly errorRateTarget?: number;
  readonly expiringDays?: number;
  readonly failedLoginsWarn?: number;
}

export interface LayoutItem {
  readonly widget: WidgetId;
  readonly size: WidgetSize;
  readonly settings: WidgetSettings;
  readonly pinned: boolean;
}

export interface Persona {
  readonly id: string;
  readonly name: string;
  readonly traits: Readonly<Record<string, string>>;
}

/** `GET /api/workspace`, and the answer of `PUT`/`DELETE /api/workspace/layout`. */
export interface WorkspaceView {
  readonly persona: Persona;
  readonly layout: readonly LayoutItem[];
  readonly customised: boolean;
  readonly defaultsVersion: string;
  readonly newDefaultWidgets: readonly WidgetId[];
}

/** `PUT /api/workspace/layout` body: the layout without `pinned` (the server decides that). */
export interface SaveLayoutRequest {
  readonly layout: readonly {
    readonly widget: WidgetId;
    readonly size: WidgetSize;
    readonly settings: WidgetSettings;
  }[];
}

/** `GET /api/workspace/widgets/{widget}`. */
export interface WidgetResponse<T> {
  readonly widget: WidgetId;
  readonly generatedAt: string;
  readonly data: T;
}
