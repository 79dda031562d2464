import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  queryAllByLabelContaining,
  queryByLabel,
  typeInto,
} from '../../../shared/testing/dom-queries';
import { AlertsApi } from '../../alerts-api';
import { AlertPreferencesUpdate, AlertPreferencesView } from '../../alerts.models';
import { preferences, silence as runningSilence } from '../../testing/alert-fixtures';
import {
  AlertPreferencesForm,
  SILENCE_TARGET_MESSAGE,
  silenceEndFrom,
  splitList,
  splitPhones,
} from './alert-preferences-form';

/** Three hours before the fixtures' silence ends. */
const NOW = Date.parse('2026-11-26T15:00:00Z');

afterEach(() => vi.restoreAllMocks());

async function render(loaded: Observable<AlertPreferencesView> = of(preferences())) {
  const api = {
    preferences: vi.fn<(partner?: string) => Observable<AlertPreferencesView>>(() => loaded),
    savePreferences:
      vi.fn<(body: AlertPreferencesUpdate, partner?: string) => Observable<AlertPreferencesView>>(),
    resetPreferences: vi.fn<(partner?: string) => Observable<AlertPreferencesView>>(),
    testChannels: vi.fn(),
  };
  TestBed.configureTestingModule({
    imports: [AlertPreferencesForm],
    providers: [{ provide: AlertsApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(AlertPreferencesForm);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, api, stable: () => fixture.whenStable() };
}

/** The unit shown by the select of a duration picker. */
function unitOf(element: HTMLElement, label: string): string {
  return accessibleText(element.querySelector(`mat-select[aria-label="${label} unit"]`)!);
}

function value(element: HTMLElement, label: string): string {
  return (getByLabel(element, label) as HTMLInputElement).value;
}

/** The fieldset named `name` (its legend), e.g. a silence. */
function group(element: HTMLElement, name: string): HTMLElement {
  const found = Array.from(element.querySelectorAll('fieldset')).find(
    (fieldset) => accessibleText(fieldset.querySelector('legend')!) === name,
  );
  if (!found) {
    throw new Error(`No group "${name}"`);
  }
  return found;
}

/** The message shown under a labelled field (its mat-error). */
function errorOf(root: HTMLElement, label: string): string {
  const error = getByLabel(root, label).closest('mat-form-field')!.querySelector('mat-error');
  return error ? accessibleText(error) : '';
}

function summary(element: HTMLElement): string[] {
  const alert = element.querySelector('[role="alert"]')!;
  return [alert.querySelector('p')!, ...Array.from(alert.querySelectorAll('li'))].map(
    accessibleText,
  );
}

function status(element: HTMLElement): string {
  return accessibleText(element.querySelector('p[role="status"]')!);
}

function badRequest(errors: { field: string; message: string }[]) {
  return new HttpErrorResponse({
    status: 400,
    error: {
      type: 'https://partner-workspace/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'The alert preferences are not valid',
      errors,
    },
  });
}

const LABELS = [
  'Email addresses',
  'Slack webhook URL',
  'Phone numbers',
  'Backup contact',
  'Warn before credential expiry (hours)',
  'Critical before credential expiry (hours)',
  'Failed logins before an alert',
  'Failed-login window (minutes)',
  'Use quiet hours',
  'Quiet from',
  'Quiet to',
  'Time zone',
];

/** The delays are a number (a spinbutton) and a unit (a combobox named `<label> unit`). */
const DELAY_LABELS = [
  'Info escalation delay',
  'Warning escalation delay',
  'Critical escalation delay',
];

describe('AlertPreferencesForm', () => {
  it("shows the partner's preferences in labelled fields", async () => {
    const { element, api } = await render();

    expect(api.preferences).toHaveBeenCalledWith();
    expect(accessibleText(element.querySelector('h2')!)).toBe('Alert preferences');
    expect(accessibleText(element.querySelector('.origin')!)).toMatch(/^Following the defaults/);
    expect(buttonByText(element, 'Use defaults')!.disabled).toBe(true);

    expect(value(element, 'Email addresses')).toBe('nitin@example.com');
    expect(value(element, 'Slack webhook URL')).toBe('');
    expect(value(element, 'Phone numbers')).toBe('+919800000001');
    expect(value(element, 'Backup contact')).toBe('');
    expect(value(element, 'Warn before credential expiry (hours)')).toBe('24');
    expect(value(element, 'Critical before credential expiry (hours)')).toBe('2');
    expect(value(element, 'Failed logins before an alert')).toBe('5');
    expect(value(element, 'Failed-login window (minutes)')).toBe('5');
    expect(getByLabel(element, 'Use quiet hours').getAttribute('aria-checked')).toBe('true');
    expect(value(element, 'Quiet from')).toBe('22:00');
    expect(value(element, 'Quiet to')).toBe('07:00');
    expect(value(element, 'Time zone')).toBe('Asia/Kolkata');
    expect(value(element, 'Info escalation delay')).toBe('2');
    expect(unitOf(element, 'Info escalation delay')).toBe('hours');
    expect(value(element, 'Warning escalation delay')).toBe('30');
    expect(unitOf(element, 'Warning escalation delay')).toBe('minutes');
    expect(value(element, 'Critical escalation delay')).toBe('5');
    expect(unitOf(element, 'Critical escalation delay')).toBe('minutes');
    expect(element.textContent).not.toMatch(/\bPT\d/);
    expect(element.textContent).toContain('Quiet hours may cross midnight');

    expect(element.textContent).toContain('No silences.');
    expect(element.textContent).toContain('Critical alerts break through a silence after 4 hours.');
    expect(buttonByText(element, 'Save preferences')).toBeDefined();
    expect(buttonByText(element, 'Add silence')).toBeDefined();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('gives every field a label of its own (as Playwright matches them)', async () => {
    const { element } = await render(of(preferences({ mutes: [runningSilence()] })));
    for (const label of LABELS) {
      expect(queryAllByLabelContaining(element, label), label).toHaveLength(1);
    }
    for (const label of DELAY_LABELS) {
      const named = queryAllByLabelContaining(element, label);
      expect(named.map((control) => control.getAttribute('role') ?? control.tagName)).toEqual([
        'combobox',
        'INPUT',
      ]);
      expect((named[1] as HTMLInputElement).type).toBe('number');
    }
    const silence = group(element, 'Silence 1');
    for (const label of ['Alert type', 'Resource', 'Reason']) {
      expect(queryAllByLabelContaining(silence, label), label).toHaveLength(1);
    }
    // A running silence keeps its end: no picker.
    expect(queryByLabel(silence, 'Silence for')).toBeNull();
  });

  it('shows each silence with when it ends in words, and a customised partner', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const { element } = await render(
      of(
        preferences({
          customised: true,
          mutes: [
            runningSilence(),
            runningSilence({
              id: 'm-2',
              alertType: null,
              resource: 'connection/c-1',
              reason: 'deploy',
            }),
          ],
        }),
      ),
    );
    expect(accessibleText(element.querySelector('.origin')!)).toBe('Customised for nitin');
    expect(buttonByText(element, 'Use defaults')!.disabled).toBe(false);

    const first = group(element, 'Silence 1');
    expect(value(first, 'Alert type')).toBe('credential.expiring');
    expect(value(first, 'Resource')).toBe('');
    expect(value(first, 'Reason')).toBe('maintenance');
    expect(first.querySelector('.ends time')?.getAttribute('datetime')).toBe(
      '2026-11-26T18:00:00Z',
    );
    expect(accessibleText(first.querySelector('.ends')!)).toMatch(/^Ends in 3 hours \(.+2026.+\)$/);
    expect(first.textContent).not.toContain('2026-11-26T18:00');

    const second = group(element, 'Silence 2');
    expect(value(second, 'Resource')).toBe('connection/c-1');
    expect(buttonByText(second, 'Remove silence')).toBeDefined();
    // A running silence cannot be changed, only lifted.
    expect((getByLabel(first, 'Reason') as HTMLInputElement).disabled).toBe(true);

    expect(first.textContent).toContain('Running: remove it and add a new one to change it.');
    expect(element.textContent).not.toContain('No silences.');
  });

  it('saves the preferences whole: lists, numbers, no quiet hours, kept, new and lifted silences', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const kept = runningSilence({ id: 'm-1', until: '2026-11-26T18:00:30Z' });
    const lifted = runningSilence({ id: 'm-2', reason: 'old' });
    const { element, api, stable } = await render(
      of(preferences({ mutes: [kept, lifted], customised: true })),
    );
    api.savePreferences.mockImplementation((body) =>
      of(preferences({ customised: true, ...body, quietHours: undefined })),
    );

    typeInto(getByLabel(element, 'Email addresses'), ' a@x.test, b@x.test\n\nc@x.test ');
    typeInto(getByLabel(element, 'Slack webhook URL'), ' https://hooks.slack.test/T1 ');
    typeInto(getByLabel(element, 'Phone numbers'), '+91 98000 00002; +919800000003');
    typeInto(getByLabel(element, 'Backup contact'), 'ops@x.test');
    typeInto(getByLabel(element, 'Warn before credential expiry (hours)'), '48');
    typeInto(getByLabel(element, 'Critical before credential expiry (hours)'), '4');
    typeInto(getByLabel(element, 'Failed logins before an alert'), '3');
    typeInto(getByLabel(element, 'Failed-login window (minutes)'), '10');
    getByLabel(element, 'Use quiet hours').click();
    await stable();
    expect(queryByLabel(element, 'Quiet from')).toBeNull();
    typeInto(getByLabel(element, 'Critical escalation delay'), '10');

    buttonByText(group(element, 'Silence 2'), 'Remove silence')!.click();
    await stable();
    expect(document.activeElement).toBe(buttonByText(element, 'Add silence'));
    buttonByText(element, 'Add silence')!.click();
    await stable();
    const added = group(element, 'Silence 2');
    expect(document.activeElement).toBe(getByLabel(added, 'Alert type'));
    typeInto(getByLabel(added, 'Resource'), 'connection/c-9');
    typeInto(getByLabel(added, 'Reason'), ' broker maintenance ');
    expect(unitOf(added, 'Silence for')).toBe('hours');
    typeInto(getByLabel(added, 'Silence for'), '8');
    await stable();
    expect(accessibleText(added.querySelector('.ends')!)).toBe('Ends 8 hours after saving');

    buttonByText(element, 'Save preferences')!.click();
    await stable();

    expect(api.savePreferences).toHaveBeenCalledTimes(1);
    expect(api.savePreferences.mock.calls[0]).toEqual([
      {
        channels: {
          emails: ['a@x.test', 'b@x.test', 'c@x.test'],
          slackWebhookUrl: 'https://hooks.slack.test/T1',
          phones: ['+919800000002', '+919800000003'],
          backupContact: 'ops@x.test',
        },
        thresholds: {
          credentialWarningHours: 48,
          credentialCriticalHours: 4,
          loginFailures: 3,
          loginFailureWindowMinutes: 10,
        },
        quietHours: null,
        escalationDelays: { info: 'PT2H', warning: 'PT30M', critical: 'PT10M' },
        mutes: [
          {
            id: 'm-1',
            alertType: 'credential.expiring',
            resource: null,
            reason: 'maintenance',
            until: '2026-11-26T18:00:30Z',
          },
          {
            alertType: null,
            resource: 'connection/c-9',
            reason: 'broker maintenance',
            until: '2026-11-26T23:00:00Z',
          },
        ],
      },
    ]);
    expect(status(element)).toBe('Preferences saved.');
    expect(value(element, 'Email addresses')).toBe('a@x.test\nb@x.test\nc@x.test');
    expect(getByLabel(element, 'Use quiet hours').getAttribute('aria-checked')).toBe('false');
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('offers quiet hours from 22:00 to 07:00 in the browser time zone when there were none', async () => {
    const { element, api, stable } = await render(of(preferences({ quietHours: undefined })));
    api.savePreferences.mockReturnValue(of(preferences({ customised: true })));
    const toggle = getByLabel(element, 'Use quiet hours');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(queryByLabel(element, 'Quiet from')).toBeNull();

    toggle.click();
    await stable();
    expect(value(element, 'Quiet from')).toBe('22:00');
    expect(value(element, 'Quiet to')).toBe('07:00');
    expect(value(element, 'Time zone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    typeInto(getByLabel(element, 'Quiet from'), '23:30');
    typeInto(getByLabel(element, 'Time zone'), 'Asia/Kolkata');

    buttonByText(element, 'Save preferences')!.click();
    await stable();
    expect(api.savePreferences.mock.calls[0][0].quietHours).toEqual({
      from: '23:30',
      to: '07:00',
      timeZone: 'Asia/Kolkata',
    });
  });

  it('asks for what a silence needs before saving', async () => {
    const { element, api, stable } = await render();
    buttonByText(element, 'Add silence')!.click();
    await stable();
    typeInto(getByLabel(element, 'Info escalation delay'), '');

    buttonByText(element, 'Save preferences')!.click();
    await stable();

    expect(api.savePreferences).not.toHaveBeenCalled();
    const silence = group(element, 'Silence 1');
    expect(accessibleText(silence.querySelector('.field-error')!)).toBe(SILENCE_TARGET_MESSAGE);
    expect(silence.getAttribute('aria-describedby')).toContain('pref-silence-0-error');
    expect(errorOf(silence, 'Reason')).toBe('Enter a reason');
    expect(errorOf(silence, 'Silence for')).toBe('Choose how long the silence lasts');
    expect(errorOf(element, 'Info escalation delay')).toBe('Enter a duration');
    expect(summary(element)).toEqual([
      'The preferences were not saved: some fields need attention.',
      'Info escalation delay: Enter a duration',
      `Silence 1: ${SILENCE_TARGET_MESSAGE}`,
      'Silence 1, Reason: Enter a reason',
      'Silence 1, Silence for: Choose how long the silence lasts',
    ]);
    expect(accessibleText(silence.querySelector('.ends')!)).toBe('No duration chosen yet');
  });

  it("shows the engine's field errors at their fields and in a summary", async () => {
    const { element, api, stable } = await render();
    buttonByText(element, 'Add silence')!.click();
    await stable();
    const silence = group(element, 'Silence 1');
    typeInto(getByLabel(silence, 'Alert type'), 'credential.expiring');
    typeInto(getByLabel(silence, 'Reason'), 'maintenance');
    typeInto(getByLabel(silence, 'Silence for'), '2');
    api.savePreferences.mockReturnValue(
      throwError(() =>
        badRequest([
          { field: 'channels.phones[1]', message: 'must be an E.164 number such as +919812345678' },
          { field: 'channels.slackWebhookUrl', message: 'must be an http or https URL' },
          {
            field: 'thresholds.credentialCriticalHours',
            message: 'must be at least 1 and less than credentialWarningHours',
          },
          { field: 'quietHours.timeZone', message: 'must be a time zone such as Asia/Kolkata' },
          { field: 'escalationDelays.warning', message: 'must be between PT1M and P1D' },
          { field: 'mutes[0].until', message: 'must be in the future' },
          { field: 'mutes[0]', message: 'must not overlap another silence' },
          { field: 'policy', message: 'cannot be changed' },
        ]),
      ),
    );
    typeInto(getByLabel(element, 'Phone numbers'), '+919800000001\n98000');
    typeInto(getByLabel(element, 'Slack webhook URL'), 'ftp://x');

    buttonByText(element, 'Save preferences')!.click();
    await stable();

    expect(errorOf(element, 'Phone numbers')).toBe(
      '“98000” must be an E.164 number such as +919812345678',
    );
    expect(errorOf(element, 'Slack webhook URL')).toBe('must be an http or https URL');
    expect(errorOf(element, 'Critical before credential expiry (hours)')).toBe(
      'must be at least 1 and less than credentialWarningHours',
    );
    expect(errorOf(element, 'Time zone')).toBe('must be a time zone such as Asia/Kolkata');
    expect(errorOf(element, 'Warning escalation delay')).toBe('must be between 1 minute and 1 day');
    expect(errorOf(silence, 'Silence for')).toBe('must be in the future');
    expect(accessibleText(silence.querySelector('.field-error')!)).toBe(
      'must not overlap another silence',
    );
    expect(summary(element)).toEqual([
      'The alert preferences are not valid',
      'Phone numbers: “98000” must be an E.164 number such as +919812345678',
      'Slack webhook URL: must be an http or https URL',
      'Critical before credential expiry (hours): must be at least 1 and less than credentialWarningHours',
      'Time zone: must be a time zone such as Asia/Kolkata',
      'Warning escalation delay: must be between 1 minute and 1 day',
      'Silence 1, Silence for: must be in the future',
      'Silence 1: must not overlap another silence',
      'policy: cannot be changed',
    ]);
    expect(status(element)).toBe('');

    // A changed field loses its message; the next save is sent even if another field still had one.
    typeInto(getByLabel(element, 'Phone numbers'), '+919800000001');
    await stable();
    expect(errorOf(element, 'Phone numbers')).toBe('');
    api.savePreferences.mockReturnValue(of(preferences({ customised: true })));
    buttonByText(element, 'Save preferences')!.click();
    await stable();
    expect(api.savePreferences).toHaveBeenCalledTimes(2);
    expect(status(element)).toBe('Preferences saved.');
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('forgets the messages about silences when one is removed', async () => {
    const { element, api, stable } = await render();
    for (const reason of ['first', 'second']) {
      buttonByText(element, 'Add silence')!.click();
      await stable();
      const silence = group(element, `Silence ${reason === 'first' ? 1 : 2}`);
      typeInto(getByLabel(silence, 'Alert type'), 'test');
      typeInto(getByLabel(silence, 'Reason'), reason);
      typeInto(getByLabel(silence, 'Silence for'), '3');
    }
    api.savePreferences.mockReturnValueOnce(
      throwError(() => badRequest([{ field: 'mutes[0].reason', message: 'is taken' }])),
    );
    buttonByText(element, 'Save preferences')!.click();
    await stable();
    expect(errorOf(group(element, 'Silence 1'), 'Reason')).toBe('is taken');

    buttonByText(group(element, 'Silence 2'), 'Remove silence')!.click();
    await stable();
    expect(errorOf(group(element, 'Silence 1'), 'Reason')).toBe('');
    api.savePreferences.mockReturnValueOnce(of(preferences({ customised: true })));
    buttonByText(element, 'Save preferences')!.click();
    await stable();

    expect(api.savePreferences).toHaveBeenCalledTimes(2);
    expect(api.savePreferences.mock.calls[1][0].mutes.map((m) => m.reason)).toEqual(['first']);
    expect(status(element)).toBe('Preferences saved.');
  });

  it('goes back to the defaults', async () => {
    const { element, api, stable } = await render(
      of(
        preferences({
          customised: true,
          channels: { emails: [], slackWebhookUrl: '', phones: [], backupContact: 'x@x.test' },
        }),
      ),
    );
    api.resetPreferences.mockReturnValue(of(preferences()));
    expect(value(element, 'Backup contact')).toBe('x@x.test');

    buttonByText(element, 'Use defaults')!.click();
    await stable();

    expect(api.resetPreferences).toHaveBeenCalledWith();
    expect(value(element, 'Backup contact')).toBe('');
    expect(value(element, 'Email addresses')).toBe('nitin@example.com');
    expect(accessibleText(element.querySelector('.origin')!)).toMatch(/^Following the defaults/);
    expect(status(element)).toBe('Following the defaults again.');
    expect(buttonByText(element, 'Use defaults')!.disabled).toBe(true);
  });

  it('shows a failed load and tries again', async () => {
    const { element, api, stable } = await render(
      throwError(
        () => new HttpErrorResponse({ status: 500, error: { detail: 'Database unavailable' } }),
      ),
    );
    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(
      'Could not load the alert preferences: Database unavailable',
    );
    expect(queryByLabel(element, 'Email addresses')).toBeNull();

    api.preferences.mockReturnValue(of(preferences()));
    buttonByText(element, 'Try again')!.click();
    await stable();
    expect(value(element, 'Email addresses')).toBe('nitin@example.com');
  });

  it('asks to save before testing changed channels', async () => {
    const { element, stable } = await render();
    expect(element.textContent).not.toContain('Save your changes first');
    typeInto(getByLabel(element, 'Email addresses'), 'new@x.test');
    await stable();
    expect(element.textContent).toContain('Save your changes first to test them.');
    expect(buttonByText(element, 'Send test email')).toBeDefined();
  });
});

describe('list fields', () => {
  it('split on lines, commas and semicolons', () => {
    expect(splitList(' a@x.test,b@x.test;\n\n c@x.test ,')).toEqual([
      'a@x.test',
      'b@x.test',
      'c@x.test',
    ]);
    expect(splitList('  ')).toEqual([]);
  });

  it('drop the spaces, dashes and brackets people put into phone numbers', () => {
    expect(splitPhones('+91 98000-00001\n+1 (555) 0100')).toEqual(['+919800000001', '+15550100']);
  });
});

describe('silenceEndFrom', () => {
  it('ends a silence its duration after now, in whole seconds as the API expects', () => {
    expect(silenceEndFrom(NOW, 'PT8H')).toBe('2026-11-26T23:00:00Z');
    expect(silenceEndFrom(NOW + 123, 'P2D')).toBe('2026-11-28T15:00:00Z');
    expect(silenceEndFrom(NOW, 'PT30M')).toBe('2026-11-26T15:30:00Z');
  });

  it('has no end without a duration', () => {
    expect(silenceEndFrom(NOW, '')).toBeNull();
    expect(silenceEndFrom(NOW, 'PT0S')).toBeNull();
  });
});
