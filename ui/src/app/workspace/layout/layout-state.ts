import {
  LayoutItem,
  WIDGET_IDS,
  WidgetId,
  WidgetSettings,
  WidgetSize,
} from '../api/workspace.models';

/** What each widget is called on the board and in the "Add widget" menu. */
export const WIDGET_TITLES: Readonly<Record<WidgetId, string>> = {
  'login-health': 'Login health',
  'broker-connections': 'Broker connections',
  'upcoming-rotations': 'Upcoming rotations',
  latency: 'Latency and SLA',
  delegations: 'Delegations',
  alerts: 'Open alerts',
  audit: 'Recent activity',
  approvals: 'Approvals waiting',
  'platform-health': 'Platform health',
  'partner-overview': 'Partner overview',
  'seed-metrics': 'Seed metrics',
  onboarding: 'Getting started',
};

/** The settings each widget accepts (shared contract); widgets without any have no settings dialog. */
export const WIDGET_SETTING_KEYS: Readonly<Record<WidgetId, readonly (keyof WidgetSettings)[]>> = {
  'login-health': ['failedLoginsWarn'],
  'broker-connections': ['warnHours'],
  'upcoming-rotations': ['warnHours'],
  latency: ['window', 'p95TargetMs', 'errorRateTarget'],
  delegations: ['window', 'expiringDays'],
  alerts: ['window'],
  audit: ['window'],
  approvals: [],
  'platform-health': [],
  'partner-overview': [],
  'seed-metrics': [],
  onboarding: [],
};

function item(widget: WidgetId, size: WidgetSize = 'M'): LayoutItem {
  return { widget, size, settings: {}, pinned: false };
}

/**
 * The standard layout for the caller's roles, used while the server has no `GET /api/workspace`
 * (it answers 404): partners, then approvers, then ops; the widgets of several roles are merged.
 */
export function standardLayout(roles: readonly string[]): LayoutItem[] {
  const ids: WidgetId[] = [];
  const addAll = (widgets: readonly WidgetId[]) =>
    widgets.forEach((widget) => ids.includes(widget) || ids.push(widget));
  if (roles.includes('partner')) {
    addAll([
      'login-health',
      'broker-connections',
      'upcoming-rotations',
      'latency',
      'alerts',
      'delegations',
      'audit',
    ]);
  }
  if (roles.includes('approver')) {
    addAll(['approvals', 'audit']);
  }
  if (roles.includes('ops')) {
    addAll(['platform-health', 'partner-overview', 'alerts', 'audit', 'seed-metrics']);
  }
  if (ids.length === 0) {
    addAll(['login-health', 'audit']);
  }
  return ids.map((widget) => item(widget, widget === 'latency' ? 'L' : 'M'));
}

/** Moves the widget at `from` to `to` (both clamped to the board). */
export function moveWidget(layout: readonly LayoutItem[], from: number, to: number): LayoutItem[] {
  const result = [...layout];
  if (from < 0 || from >= result.length) {
    return result;
  }
  const target = Math.max(0, Math.min(result.length - 1, to));
  const [moved] = result.splice(from, 1);
  result.splice(target, 0, moved);
  return result;
}

/** Thrown when the user tries to remove a pinned widget. */
export class PinnedWidgetError extends Error {
  constructor(readonly widget: WidgetId) {
    super(`${WIDGET_TITLES[widget]} is pinned by operations and cannot be removed`);
  }
}

export function removeWidget(layout: readonly LayoutItem[], widget: WidgetId): LayoutItem[] {
  const found = layout.find((entry) => entry.widget === widget);
  if (found?.pinned) {
    throw new PinnedWidgetError(widget);
  }
  return layout.filter((entry) => entry.widget !== widget);
}

/** The widgets not on the board, in the contract's order (the "Add widget" menu). */
export function addableWidgets(layout: readonly LayoutItem[]): WidgetId[] {
  return WIDGET_IDS.filter((id) => !layout.some((entry) => entry.widget === id));
}

/** Adds a widget at the end (size M, no settings); a widget already on the board is not added twice. */
export function addWidget(layout: readonly LayoutItem[], widget: WidgetId): LayoutItem[] {
  if (layout.some((entry) => entry.widget === widget)) {
    return [...layout];
  }
  return [...layout, item(widget)];
}

export function resizeWidget(
  layout: readonly LayoutItem[],
  widget: WidgetId,
  size: WidgetSize,
): LayoutItem[] {
  return layout.map((entry) => (entry.widget === widget ? { ...entry, size } : entry));
}

/** Replaces a widget's settings; empty values are dropped (the server applies its defaults). */
export function changeSettings(
  layout: readonly LayoutItem[],
  widget: WidgetId,
  settings: WidgetSettings,
): LayoutItem[] {
  const cleaned = Object.fromEntries(
    Object.entries(settings).filter(
      ([, value]) => value !== null && value !== undefined && value !== '',
    ),
  ) as WidgetSettings;
  return layout.map((entry) => (entry.widget === widget ? { ...entry, settings: cleaned } : entry));
}
