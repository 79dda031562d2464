import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  queryByLabel,
  typeInto,
} from '../../shared/testing/dom-queries';
import { MeStore } from '../../core/me/me.store';
import { AlertsApi } from '../alerts-api';
import { Alert } from '../alerts.models';
import { acknowledged, alert, delivery, preferences, resolved } from '../testing/alert-fixtures';
import { ALERTS_POLL_MS, AlertsPage } from './alerts-page';

function fakeApi(list: Alert[]) {
  return {
    list: vi.fn<() => Observable<Alert[]>>(() => of(list)),
    acknowledge: vi.fn<(id: string, reason?: string) => Observable<Alert>>(),
    resolve: vi.fn<(id: string) => Observable<Alert>>(),
    raiseTest: vi.fn(),
    preferences: vi.fn(() => of(preferences())),
    savePreferences: vi.fn(),
    resetPreferences: vi.fn(),
    testChannels: vi.fn(),
  };
}

async function render(api: ReturnType<typeof fakeApi>, ops = false, roles?: string[]) {
  const me = { roles: signal(roles ?? [ops ? 'ops' : 'partner']), isOps: signal(ops) };
  TestBed.configureTestingModule({
    imports: [AlertsPage],
    providers: [
      { provide: AlertsApi, useValue: api },
      { provide: MeStore, useValue: { ...me, ensureLoaded: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(AlertsPage);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const stable = () => fixture.whenStable();
  return { fixture, element, stable };
}

/** The element with `role="list"` whose accessible name (via aria-labelledby) is `name`. */
function list(element: HTMLElement, name: string): HTMLElement | null {
  return (
    Array.from(element.querySelectorAll<HTMLElement>('[role="list"]')).find((candidate) => {
      const label = document.getElementById(candidate.getAttribute('aria-labelledby') ?? '');
      return label !== null && accessibleText(label) === name;
    }) ?? null
  );
}

/** The summaries of the cards in the list named `name`. */
function summaries(element: HTMLElement, name: string): string[] {
  return Array.from(list(element, name)?.querySelectorAll('[role="listitem"]') ?? []).map((item) =>
    accessibleText(document.getElementById(item.getAttribute('aria-labelledby')!)!),
  );
}

function card(element: HTMLElement, summary: string): HTMLElement {
  const found = Array.from(element.querySelectorAll<HTMLElement>('[role="listitem"]')).find(
    (item) =>
      accessibleText(document.getElementById(item.getAttribute('aria-labelledby')!)!) === summary,
  );
  if (!found) {
    throw new Error(`No alert "${summary}"`);
  }
  return found;
}

function status(element: HTMLElement): string {
  return accessibleText(element.querySelector('[role="status"]')!);
}

const OPEN = alert();
const OPEN_SUMMARY = OPEN.summary;

describe('AlertsPage', () => {
  afterEach(() => vi.useRealTimers());

  it('splits the alerts into open and recent ones', async () => {
    const api = fakeApi([
      alert({ id: 'a-3', summary: 'Test alert for nitin', type: 'test', severity: 'INFO' }),
      resolved({ id: 'a-2', summary: 'Broker unreachable' }),
      OPEN,
      acknowledged({ id: 'a-0', summary: 'Token expiring', severity: 'WARNING' }),
    ]);
    const { element } = await render(api);

    expect(accessibleText(element.querySelector('h1')!)).toBe('Alerts');
    expect(Array.from(element.querySelectorAll('h2')).map(accessibleText)).toEqual([
      'Open alerts',
      'Recent alerts',
      'Alert preferences',
    ]);
    expect(summaries(element, 'Open alerts')).toEqual(['Test alert for nitin', OPEN_SUMMARY]);
    expect(summaries(element, 'Recent alerts')).toEqual(['Broker unreachable', 'Token expiring']);
    expect(accessibleText(card(element, 'Token expiring').querySelector('[data-state]')!)).toBe(
      'Acknowledged',
    );
    expect(accessibleText(card(element, 'Broker unreachable').querySelector('[data-state]')!)).toBe(
      'Resolved',
    );
    // Only open alerts can be acknowledged or resolved.
    expect(buttonByText(card(element, 'Token expiring'), 'Acknowledge')).toBeUndefined();
    expect(buttonByText(card(element, 'Broker unreachable'), 'Resolve')).toBeUndefined();
    expect(buttonByText(card(element, OPEN_SUMMARY), 'Resolve')).toBeDefined();
    // The test alert form is for ops only.
    expect(queryByLabel(element, 'Partner')).toBeNull();
    expect(buttonByText(element, 'Raise test alert')).toBeUndefined();
  });

  it('calls a level Ops only from where operations take over when the levels repeat', async () => {
    const api = fakeApi([
      alert({ level: 3, opsLevel: 5 }),
      alert({ id: 'a-2', summary: 'Later', level: 5, opsLevel: 5 }),
    ]);
    const { element } = await render(api);

    expect(accessibleText(card(element, OPEN_SUMMARY).querySelector('.chip.level')!)).toBe(
      'Level 3',
    );
    expect(accessibleText(card(element, 'Later').querySelector('.chip.level')!)).toBe('Ops');
  });

  it('shows severity, state, level, repeats, times, who closed it and the delivery log', async () => {
    const api = fakeApi([
      alert({ level: 3, count: 4, lastSeenAt: '2026-11-26T06:00:00Z' }),
      acknowledged({
        id: 'a-0',
        summary: 'Token expiring',
        severity: 'WARNING',
        level: 2,
        acknowledgeReason: 'Renewing it today',
        deliveries: [
          delivery(),
          delivery({
            level: 2,
            channel: 'sms',
            recipient: '+91 98765 43210',
            outcome: 'FAILED',
            detail: 'Number unreachable',
          }),
        ],
      }),
    ]);
    const { element } = await render(api);

    const open = card(element, OPEN_SUMMARY);
    const chips = Array.from(open.querySelectorAll('.chip')).map(accessibleText);
    expect(chips).toEqual(['Critical', 'Open', 'Ops', 'Seen 4 times']);
    expect(open.textContent).toContain('nitin · policy-violation.rotation-rolled-back');
    expect(open.textContent).toContain('connection/c-1');
    expect(open.querySelector('time[datetime="2026-11-26T05:00:00Z"]')).not.toBeNull();
    expect(open.querySelector('time[datetime="2026-11-26T06:00:00Z"]')).not.toBeNull();
    expect(open.textContent).toContain('Raised');
    expect(open.textContent).toContain('Last seen');

    const recent = card(element, 'Token expiring');
    expect(Array.from(recent.querySelectorAll('.chip')).map(accessibleText)).toEqual([
      'Warning',
      'Acknowledged',
      'Level 2',
    ]);
    expect(accessibleText(recent.querySelector('.acknowledged')!)).toMatch(
      /^by nitin on .+ — “Renewing it today”$/,
    );

    const table = recent.querySelector('table')!;
    expect(accessibleText(table.querySelector('caption')!)).toBe('Delivery log');
    expect(Array.from(table.querySelectorAll('th')).map(accessibleText)).toEqual([
      'Level',
      'Channel',
      'Recipient',
      'Time',
      'Outcome',
    ]);
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map(accessibleText),
    );
    expect(rows.length).toBe(2);
    expect(rows[0].slice(0, 3)).toEqual(['Level 1', 'Email', 'nitin@example.com']);
    expect(rows[1].slice(0, 3)).toEqual(['Level 2', 'SMS', '+91 98765 43210']);
    expect(rows[1][4]).toBe('Failed — Number unreachable');
  });

  it("shows the user's own alert preferences below the alerts", async () => {
    const api = fakeApi([]);
    const { element } = await render(api);
    expect(api.preferences).toHaveBeenCalledWith();
    const section = element.querySelector('app-alert-preferences-form')!;
    expect(section.textContent).toContain('Following the defaults');
    expect((getByLabel(section, 'Email addresses') as HTMLTextAreaElement).value).toBe(
      'nitin@example.com',
    );
    expect(buttonByText(section, 'Save preferences')).toBeDefined();
  });

  it('shows the empty states', async () => {
    const { element } = await render(fakeApi([]));
    expect(element.textContent).toContain('No open alerts.');
    expect(element.textContent).toContain('No recent alerts.');
    expect(element.querySelector('[role="list"]')).toBeNull();
  });

  it('acknowledges without a reason and moves the alert to the recent ones', async () => {
    const api = fakeApi([OPEN]);
    api.acknowledge.mockReturnValue(of(acknowledged()));
    const { element, stable } = await render(api);

    const acknowledge = buttonByText(element, 'Acknowledge')!;
    expect(acknowledge.getAttribute('aria-expanded')).toBe('false');
    expect(queryByLabel(element, 'Reason (optional)')).toBeNull();
    acknowledge.click();
    await stable();
    expect(acknowledge.getAttribute('aria-expanded')).toBe('true');
    const reason = getByLabel(element, 'Reason (optional)');
    expect(document.activeElement).toBe(reason);

    buttonByText(element, 'Confirm acknowledgement')!.click();
    await stable();

    expect(api.acknowledge).toHaveBeenCalledWith('a-1', '');
    expect(summaries(element, 'Open alerts')).toEqual([]);
    expect(element.textContent).toContain('No open alerts.');
    expect(summaries(element, 'Recent alerts')).toEqual([OPEN_SUMMARY]);
    expect(status(element)).toBe(`Alert acknowledged: ${OPEN_SUMMARY}`);
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('acknowledges with a reason and shows it on the card', async () => {
    const api = fakeApi([OPEN]);
    api.acknowledge.mockReturnValue(of(acknowledged({ acknowledgeReason: 'Looking into it' })));
    const { element, stable } = await render(api);

    buttonByText(element, 'Acknowledge')!.click();
    await stable();
    typeInto(getByLabel(element, 'Reason (optional)'), 'Looking into it');
    buttonByText(element, 'Confirm acknowledgement')!.click();
    await stable();

    expect(api.acknowledge).toHaveBeenCalledWith('a-1', 'Looking into it');
    expect(card(element, OPEN_SUMMARY).textContent).toContain('“Looking into it”');
    expect(list(element, 'Recent alerts')).not.toBeNull();
  });

  it('hides the reason again on cancel, without acknowledging', async () => {
    const api = fakeApi([OPEN]);
    const { element, stable } = await render(api);

    buttonByText(element, 'Acknowledge')!.click();
    await stable();
    buttonByText(element, 'Cancel')!.click();
    await stable();

    expect(queryByLabel(element, 'Reason (optional)')).toBeNull();
    expect(document.activeElement).toBe(buttonByText(element, 'Acknowledge'));
    expect(api.acknowledge).not.toHaveBeenCalled();
  });

  it('resolves an open alert', async () => {
    const api = fakeApi([OPEN]);
    api.resolve.mockReturnValue(of(resolved()));
    const { element, stable } = await render(api);

    buttonByText(element, 'Resolve')!.click();
    await stable();

    expect(api.resolve).toHaveBeenCalledWith('a-1');
    const resolvedCard = card(element, OPEN_SUMMARY);
    expect(list(element, 'Recent alerts')?.contains(resolvedCard)).toBe(true);
    expect(accessibleText(resolvedCard.querySelector('[data-state]')!)).toBe('Resolved');
    expect(accessibleText(resolvedCard.querySelector('.resolved')!)).toMatch(/^by nitin on /);
    expect(status(element)).toBe(`Alert resolved: ${OPEN_SUMMARY}`);
  });

  it('shows the problem detail of a 409 alert-closed and how the alert stands now', async () => {
    const api = fakeApi([OPEN]);
    api.resolve.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              type: 'https://partner-workspace/problems/alert-closed',
              title: 'Alert closed',
              status: 409,
              detail: 'The alert was already acknowledged by arjun',
            },
          }),
      ),
    );
    const { element, stable } = await render(api);
    api.list.mockReturnValue(of([acknowledged({ acknowledgedBy: 'arjun' })]));

    buttonByText(element, 'Resolve')!.click();
    await stable();

    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(
      'The alert was already acknowledged by arjun',
    );
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(summaries(element, 'Recent alerts')).toEqual([OPEN_SUMMARY]);
    expect(status(element)).toBe('');
  });

  it('polls every 10 s while open and stops when it is destroyed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const api = fakeApi([]);
    const { fixture, element, stable } = await render(api);
    expect(api.list).toHaveBeenCalledTimes(1);

    api.list.mockReturnValue(of([OPEN]));
    vi.advanceTimersByTime(ALERTS_POLL_MS - 1);
    expect(api.list).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    await stable();
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(summaries(element, 'Open alerts')).toEqual([OPEN_SUMMARY]);

    api.list.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 503 })));
    vi.advanceTimersByTime(ALERTS_POLL_MS);
    await stable();
    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(
      'Could not load the alerts: Request failed (503)',
    );
    expect(summaries(element, 'Open alerts')).toEqual([OPEN_SUMMARY]);

    fixture.destroy();
    vi.advanceTimersByTime(ALERTS_POLL_MS * 3);
    expect(api.list).toHaveBeenCalledTimes(3);
  });

  it('shows a failed first load as an alert', async () => {
    const api = fakeApi([]);
    api.list.mockReturnValue(
      throwError(
        () => new HttpErrorResponse({ status: 500, error: { detail: 'Database unavailable' } }),
      ),
    );
    const { element } = await render(api);
    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(
      'Could not load the alerts: Database unavailable',
    );
    expect(element.textContent).not.toContain('No open alerts.');
  });

  it('lets ops raise a test alert and shows it first among the open ones', async () => {
    const api = fakeApi([OPEN]);
    const test = alert({ id: 'a-9', summary: 'Test alert for nitin', type: 'test' });
    api.raiseTest.mockReturnValue(of(test));
    const { element, stable } = await render(api, true);

    typeInto(getByLabel(element, 'Partner'), 'nitin');
    expect(getByLabel(element, 'Severity')).toBeDefined();
    buttonByText(element, 'Raise test alert')!.click();
    await stable();

    expect(api.raiseTest).toHaveBeenCalledWith({ partner: 'nitin', severity: 'WARNING' });
    expect(summaries(element, 'Open alerts')).toEqual(['Test alert for nitin', OPEN_SUMMARY]);
    expect(status(element)).toBe('Test alert raised: Test alert for nitin');
  });

  it('lets ops choose a partner before showing alert preferences (no error first)', async () => {
    const api = fakeApi([]);
    const { element, stable } = await render(api, true);
    expect(api.preferences).not.toHaveBeenCalled();
    expect(element.querySelector('app-alert-preferences-form')).toBeNull();
    expect(element.textContent).not.toContain('Could not load the alert preferences');

    typeInto(getByLabel(element, 'Preferences of partner'), 'nitin');
    buttonByText(element, 'Show preferences')!.click();
    await stable();

    expect(api.preferences).toHaveBeenCalledWith('nitin');
    const section = element.querySelector('app-alert-preferences-form')!;
    expect(section.textContent).toContain('Following the defaults');
    // The channel test goes to the user's own partner's addresses: not offered for another one.
    expect(buttonByText(section, 'Test all channels')).toBeUndefined();
  });

  it('offers approvers no alert preferences', async () => {
    const api = fakeApi([]);
    const { element } = await render(api, false, ['approver']);
    expect(api.preferences).not.toHaveBeenCalled();
    expect(element.querySelector('app-alert-preferences-form')).toBeNull();
    expect(element.textContent).not.toContain('Alert preferences');
  });
});
