import { LayoutItem } from '../api/workspace.models';
import {
  PinnedWidgetError,
  addWidget,
  addableWidgets,
  changeSettings,
  moveWidget,
  removeWidget,
  resizeWidget,
  standardLayout,
} from './layout-state';

const board: LayoutItem[] = [
  { widget: 'login-health', size: 'M', settings: {}, pinned: true },
  { widget: 'broker-connections', size: 'M', settings: {}, pinned: false },
  { widget: 'latency', size: 'L', settings: { window: 'P7D' }, pinned: false },
];

const ids = (layout: readonly LayoutItem[]) => layout.map((item) => item.widget);

describe('layout editing', () => {
  it('reorders: moves a widget down and up, clamped to the board', () => {
    expect(ids(moveWidget(board, 0, 1))).toEqual(['broker-connections', 'login-health', 'latency']);
    expect(ids(moveWidget(board, 2, 0))).toEqual(['latency', 'login-health', 'broker-connections']);
    expect(ids(moveWidget(board, 2, 9))).toEqual(ids(board));
    expect(ids(moveWidget(board, 0, -1))).toEqual(ids(board));
    expect(ids(board)).toEqual(['login-health', 'broker-connections', 'latency']);
  });

  it('removes a widget that is not pinned', () => {
    expect(ids(removeWidget(board, 'broker-connections'))).toEqual(['login-health', 'latency']);
  });

  it('refuses to remove a pinned widget', () => {
    expect(() => removeWidget(board, 'login-health')).toThrow(PinnedWidgetError);
    expect(() => removeWidget(board, 'login-health')).toThrow(/Login health is pinned/);
  });

  it('adds a widget at the end, once, and offers only those not on the board', () => {
    expect(addableWidgets(board)).not.toContain('latency');
    expect(addableWidgets(board)).toContain('alerts');
    const added = addWidget(board, 'alerts');
    expect(added.at(-1)).toEqual({ widget: 'alerts', size: 'M', settings: {}, pinned: false });
    expect(addWidget(added, 'alerts')).toHaveLength(4);
  });

  it('resizes and changes settings, dropping empty values', () => {
    expect(resizeWidget(board, 'latency', 'S')[2].size).toBe('S');
    const changed = changeSettings(board, 'latency', { window: 'P30D', p95TargetMs: 300 });
    expect(changed[2].settings).toEqual({ window: 'P30D', p95TargetMs: 300 });
    expect(changeSettings(board, 'latency', { window: undefined })[2].settings).toEqual({});
  });
});

describe('the standard layout (no GET /api/workspace yet)', () => {
  it('gives a partner their seven widgets', () => {
    expect(ids(standardLayout(['partner']))).toEqual([
      'login-health',
      'broker-connections',
      'upcoming-rotations',
      'latency',
      'alerts',
      'delegations',
      'audit',
    ]);
  });

  it('gives approvers and ops theirs, merging roles without duplicates', () => {
    expect(ids(standardLayout(['approver']))).toEqual(['approvals', 'audit']);
    expect(ids(standardLayout(['ops']))).toEqual([
      'platform-health',
      'partner-overview',
      'alerts',
      'audit',
      'seed-metrics',
    ]);
    expect(ids(standardLayout(['approver', 'ops']))).toEqual([
      'approvals',
      'audit',
      'platform-health',
      'partner-overview',
      'alerts',
      'seed-metrics',
    ]);
  });
});
