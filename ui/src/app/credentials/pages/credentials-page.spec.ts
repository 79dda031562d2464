import { Clipboard } from '@angular/cdk/clipboard';
import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { Observable, Subject, of, throwError } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { MeStore } from '../../core/me/me.store';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  queryAllByLabelContaining,
  queryByLabel,
  typeInto,
} from '../../shared/testing/dom-queries';
import { BrowserNavigation } from '../browser-navigation';
import { CredentialsApi } from '../credentials-api';
import { Connection, RevealedSecret, ShareLink } from '../credentials.models';
import { PENDING_REVEAL_KEY, PENDING_SHARE_KEY } from '../step-up';
import { BROKERS, KEYS_REJECTED, connection } from '../testing/connection-fixtures';
import { SurveyApi } from '../../shared/survey/survey-api';
import { CredentialsPage } from './credentials-page';

const SECRET: RevealedSecret = {
  values: { apiKey: 'key-1234', apiSecret: 's3cr3t', accessToken: 'tok-abc' },
  shownForSeconds: 30,
};

function problem(status: number, slug: string, extra: Record<string, unknown> = {}) {
  return new HttpErrorResponse({
    status,
    error: {
      type: `https://partner-workspace/problems/${slug}`,
      title: slug,
      status,
      detail: `Problem ${slug}`,
      ...extra,
    },
  });
}

function fakeApi(list: Connection[]) {
  return {
    brokers: vi.fn(() => of([...BROKERS])),
    list: vi.fn(() => of(list)),
    get: vi.fn<(id: string) => Observable<Connection>>(),
    create: vi.fn<(body: unknown) => Observable<Connection>>(),
    rotate: vi.fn<(id: string) => Observable<Connection>>(),
    revoke: vi.fn<(id: string) => Observable<Connection>>(),
    reconnect: vi.fn<(id: string) => Observable<Connection>>(),
    reveal: vi.fn<(id: string) => Observable<RevealedSecret>>(),
    share: vi.fn<(id: string, body: unknown) => Observable<ShareLink>>(),
  };
}

async function render(
  api: ReturnType<typeof fakeApi>,
  query: Record<string, string> = {},
  roles: string[] = ['partner'],
) {
  const auth = { stepUp: vi.fn() };
  const navigation = { assign: vi.fn() };
  const clipboard = { copy: vi.fn(() => true) };
  const survey = {
    prompt: vi.fn(() => of({ ask: false, trigger: 'reveal', question: '' })),
    answer: vi.fn(),
    dismiss: vi.fn(),
  };
  TestBed.configureTestingModule({
    imports: [CredentialsPage],
    providers: [
      provideRouter([]),
      // Dialogs close at once (no exit animation to wait for).
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CredentialsApi, useValue: api },
      { provide: AuthService, useValue: auth },
      { provide: BrowserNavigation, useValue: navigation },
      { provide: Clipboard, useValue: clipboard },
      { provide: MeStore, useValue: { roles: signal(roles), ensureLoaded: vi.fn() } },
      { provide: SurveyApi, useValue: survey },
    ],
  });
  const fixture = TestBed.createComponent(CredentialsPage);
  for (const [name, value] of Object.entries(query)) {
    fixture.componentRef.setInput(name, value);
  }
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const stable = () => fixture.whenStable();
  return { fixture, element, api, auth, navigation, clipboard, stable, survey };
}

function cards(element: HTMLElement): HTMLElement[] {
  return Array.from(
    element.querySelectorAll<HTMLElement>(
      '[role="list"][aria-label="Connections"] [role="listitem"]',
    ),
  );
}

function buttonNames(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('button')).map(accessibleText);
}

/** The dialog opened last (rendered in the overlay container). */
function dialog(): HTMLElement {
  const containers = document.querySelectorAll<HTMLElement>('mat-dialog-container');
  if (!containers.length) {
    throw new Error('No open dialog');
  }
  return containers[containers.length - 1];
}

describe('CredentialsPage', () => {
  afterEach(() => {
    sessionStorage.removeItem(PENDING_REVEAL_KEY);
    sessionStorage.removeItem(PENDING_SHARE_KEY);
    vi.useRealTimers();
  });

  it('lists the connections with their state, facts, failure and allowed actions', async () => {
    const { element } = await render(
      fakeApi([
        connection(),
        connection({
          id: 'c-2',
          label: 'Sim account',
          broker: 'broker-sim',
          brokerName: 'Broker Sim (OAuth 2)',
          state: 'KEYS_REJECTED',
          tokenIssuedAt: null,
          tokenAgeSeconds: null,
          expiresAt: null,
          lastVerificationMillis: null,
          lastVerifiedAt: null,
          failure: KEYS_REJECTED,
        }),
        connection({ id: 'c-3', label: 'Old account', state: 'REVOKED' }),
      ]),
    );

    expect(accessibleText(element.querySelector('h1')!)).toBe('Credentials');
    expect(buttonByText(element, 'Add connection')).toBeDefined();
    const [active, rejected, revoked] = cards(element);

    expect(accessibleText(active.querySelector('h3')!)).toBe('Main account');
    expect(active.textContent).toContain('Zerodha Kite Connect');
    expect(accessibleText(active.querySelector('[data-state]')!)).toBe('Active');
    expect(active.textContent).toContain('••••1234');
    expect(active.textContent).toContain('312 ms');
    expect(active.textContent).toContain('Token age');
    expect(buttonNames(active)).toEqual([
      'Run Playwright smoke test',
      'Reveal',
      'Share',
      'Rotate',
      'Revoke',
    ]);

    expect(accessibleText(rejected.querySelector('[data-state]')!)).toBe('Keys rejected');
    expect(rejected.textContent).toContain('No token yet');
    expect(rejected.textContent).toContain('Not verified yet');
    expect(rejected.textContent).toContain('The broker refused the API key or secret.');
    const guide = Array.from(rejected.querySelectorAll('a')).find(
      (a) => accessibleText(a) === 'Troubleshooting guide',
    );
    expect(guide?.getAttribute('href')).toBe('/diagnostics/guides/keys-rejected#check-the-secret');
    // The guide's section opens beside the failure, and the doctor is one click away.
    expect(buttonNames(rejected)).toEqual([
      'How to fix this',
      'Run Playwright smoke test',
      'Reconnect',
      'Revoke',
    ]);
    const doctor = Array.from(rejected.querySelectorAll('a')).find(
      (a) => accessibleText(a) === 'Run the OAuth doctor',
    );
    expect(doctor?.getAttribute('href')).toMatch(/^\/diagnostics\?connection=/);

    expect(accessibleText(revoked.querySelector('[data-state]')!)).toBe('Revoked');
    expect(buttonNames(revoked)).toEqual([]);
  });

  it('offers "Add connection" to partners only', async () => {
    for (const role of ['approver', 'ops']) {
      TestBed.resetTestingModule();
      const { element } = await render(fakeApi([]), {}, [role]);
      expect(buttonByText(element, 'Add connection'), role).toBeUndefined();
      expect(element.textContent).not.toContain('Use “Add connection”');
    }
  });

  it('shows no token age and no countdown for a revoked connection', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { element } = await render(
      fakeApi([
        connection({
          state: 'REVOKED',
          tokenAgeSeconds: 3600,
          expiresAt: '2026-11-26T11:00:00Z',
          nextRotationAt: '2026-11-26T10:30:00Z',
        }),
      ]),
    );
    const [revoked] = cards(element);
    expect(revoked.textContent).not.toContain('Token age');
    expect(revoked.textContent).not.toContain('expires in');
    expect(revoked.querySelector('.expiry')).toBeNull();
    expect(accessibleText(revoked)).toContain('None: the connection was revoked');
  });

  it('counts down to the expiry every second', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const { element, stable } = await render(
      fakeApi([connection({ expiresAt: '2026-11-26T10:01:05Z' })]),
    );
    const expiry = () => accessibleText(element.querySelector('.expiry')!);
    expect(expiry()).toBe('expires in 1 minute 5 seconds');

    vi.advanceTimersByTime(1000);
    await stable();
    expect(expiry()).toBe('expires in 1 minute 4 seconds');

    vi.advanceTimersByTime(64_000);
    await stable();
    expect(expiry()).toBe('expired');
  });

  it('reveals the values with a countdown, copies them and masks them again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(of(SECRET));
    const { element, clipboard, stable, survey } = await render(api);

    buttonByText(element, 'Reveal')!.click();
    await stable();
    expect(api.reveal).toHaveBeenCalledWith('c-1');
    expect(survey.prompt).toHaveBeenCalledWith('reveal');
    const key = getByLabel(element, 'API key') as HTMLInputElement;
    expect(key.value).toBe('key-1234');
    expect(key.readOnly).toBe(true);
    expect((getByLabel(element, 'API secret') as HTMLInputElement).value).toBe('s3cr3t');
    expect((getByLabel(element, 'Access token') as HTMLInputElement).value).toBe('tok-abc');
    expect(element.textContent).toContain('Hidden again in 30 seconds');

    buttonByText(element, 'Copy API secret')!.click();
    await stable();
    expect(clipboard.copy).toHaveBeenCalledWith('s3cr3t');
    expect(element.textContent).toContain('API secret copied to the clipboard.');

    vi.advanceTimersByTime(29_000);
    await stable();
    expect(element.textContent).toContain('Hidden again in 1 second');
    expect(queryByLabel(element, 'API key')).not.toBeNull();

    vi.advanceTimersByTime(1000);
    await stable();
    expect(queryByLabel(element, 'API key')).toBeNull();
    expect(element.textContent).not.toContain('s3cr3t');
    expect(element.innerHTML).not.toContain('key-1234');
  });

  it('hides the values at once with "Hide now"', async () => {
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(of(SECRET));
    const { element, stable } = await render(api);
    buttonByText(element, 'Reveal')!.click();
    await stable();
    buttonByText(element, 'Hide now')!.click();
    await stable();
    expect(queryByLabel(element, 'API key')).toBeNull();
  });

  it('steps up to MFA when reveal answers 403 mfa-step-up-required', async () => {
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(throwError(() => problem(403, 'mfa-step-up-required')));
    const { element, auth, stable } = await render(api);

    buttonByText(element, 'Reveal')!.click();
    await stable();
    expect(auth.stepUp).toHaveBeenCalledWith('/credentials?reveal=c-1');
    expect(sessionStorage.getItem(PENDING_REVEAL_KEY)).toBe(JSON.stringify('c-1'));
  });

  it('reveals again after the step-up login, without stepping up twice', async () => {
    sessionStorage.setItem(PENDING_REVEAL_KEY, JSON.stringify('c-1'));
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(of(SECRET));
    const { element, auth } = await render(api, { reveal: 'c-1' });

    expect(api.reveal).toHaveBeenCalledWith('c-1');
    expect(auth.stepUp).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(PENDING_REVEAL_KEY)).toBeNull();
    expect((getByLabel(element, 'API key') as HTMLInputElement).value).toBe('key-1234');
  });

  it('counts down and masks the values revealed after the step-up login', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    sessionStorage.setItem(PENDING_REVEAL_KEY, JSON.stringify('c-1'));
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(of(SECRET));
    const { element, stable } = await render(api, { reveal: 'c-1' });
    expect(element.textContent).toContain('Hidden again in 30 seconds');

    vi.advanceTimersByTime(10_000);
    await stable();
    expect(element.textContent).toContain('Hidden again in 20 seconds');

    vi.advanceTimersByTime(20_000);
    await stable();
    expect(queryByLabel(element, 'API key')).toBeNull();
    expect(element.innerHTML).not.toContain('key-1234');
  });

  it('shows the problem when the reveal after the step-up is refused again', async () => {
    sessionStorage.setItem(PENDING_REVEAL_KEY, JSON.stringify('c-1'));
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(throwError(() => problem(403, 'mfa-step-up-required')));
    const { element, auth } = await render(api, { reveal: 'c-1' });

    expect(auth.stepUp).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Problem mfa-step-up-required',
    );
  });

  it('does not reveal from a link alone (no pending step-up)', async () => {
    const api = fakeApi([connection()]);
    await render(api, { reveal: 'c-1' });
    expect(api.reveal).not.toHaveBeenCalled();
  });

  it('shows a connection state problem with its troubleshooting guide', async () => {
    const api = fakeApi([connection()]);
    api.reveal.mockReturnValue(
      throwError(() =>
        problem(409, 'connection-expired', {
          state: 'EXPIRED',
          guide: '/diagnostics/guides/connection-expired#reconnect',
        }),
      ),
    );
    const { element, auth, stable } = await render(api);
    buttonByText(element, 'Reveal')!.click();
    await stable();

    expect(auth.stepUp).not.toHaveBeenCalled();
    const alert = element.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.textContent).toContain('Problem connection-expired');
    expect(alert.querySelector('a')?.getAttribute('href')).toBe(
      '/diagnostics/guides/connection-expired#reconnect',
    );
  });

  it('confirms before revoking and lists the consequences', async () => {
    const api = fakeApi([connection()]);
    api.revoke.mockReturnValue(of(connection({ state: 'REVOKED' })));
    const { element, stable } = await render(api);

    buttonByText(element, 'Revoke')!.click();
    await stable();
    const consequences = Array.from(dialog().querySelectorAll('li')).map(accessibleText);
    expect(consequences).toEqual([
      'The token is revoked at the broker',
      'Every stored version of the credential is destroyed in Vault',
      'Delegations that depend on this connection end',
      'Everyone affected is notified',
    ]);
    buttonByText(dialog(), 'Cancel')!.click();
    await stable();
    expect(api.revoke).not.toHaveBeenCalled();

    buttonByText(element, 'Revoke')!.click();
    await stable();
    buttonByText(dialog(), 'Revoke connection')!.click();
    await stable();
    expect(api.revoke).toHaveBeenCalledWith('c-1');
    expect(accessibleText(element.querySelector('[data-state]')!)).toBe('Revoked');
    expect(buttonNames(cards(element)[0])).toEqual([]);
  });

  it('shows a rotation in progress and polls every 2 s until it ends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const api = fakeApi([connection()]);
    api.rotate.mockReturnValue(of(connection({ activity: 'rotation' })));
    api.get
      .mockReturnValueOnce(of(connection({ activity: 'rotation' })))
      .mockReturnValueOnce(of(connection({ activity: null, tokenAgeSeconds: 0 })));
    const { element, stable, survey } = await render(api);

    buttonByText(element, 'Rotate')!.click();
    await stable();
    expect(api.rotate).toHaveBeenCalledWith('c-1');
    expect(element.textContent).toContain('Rotation in progress…');
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Rotation in progress…',
    );
    expect(buttonByText(element, 'Rotate')!.disabled).toBe(true);

    vi.advanceTimersByTime(2000);
    await stable();
    expect(api.get).toHaveBeenCalledTimes(1);
    expect(element.textContent).toContain('Rotation in progress…');

    vi.advanceTimersByTime(2000);
    await stable();
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(element.textContent).not.toContain('Rotation in progress…');
    expect(survey.prompt).toHaveBeenCalledWith('rotation');

    vi.advanceTimersByTime(10_000);
    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('explains when a rotation needs a broker login', async () => {
    const api = fakeApi([connection()]);
    api.rotate.mockReturnValue(throwError(() => problem(409, 'rotation-needs-broker-login')));
    const { element, stable } = await render(api);
    buttonByText(element, 'Rotate')!.click();
    await stable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Problem rotation-needs-broker-login',
    );
  });

  it('reconnects by sending the browser to the broker login', async () => {
    const api = fakeApi([connection({ state: 'EXPIRED' })]);
    api.reconnect.mockReturnValue(
      of(connection({ state: 'AWAITING_AUTHORISATION', authorizationUrl: 'https://kite/login' })),
    );
    const { element, navigation, stable } = await render(api);
    buttonByText(element, 'Reconnect')!.click();
    await stable();
    expect(api.reconnect).toHaveBeenCalledWith('c-1');
    expect(navigation.assign).toHaveBeenCalledWith('https://kite/login');
  });

  describe('Add connection', () => {
    async function openWizard(api: ReturnType<typeof fakeApi>) {
      const rendered = await render(api);
      buttonByText(rendered.element, 'Add connection')!.click();
      await rendered.stable();
      return rendered;
    }

    async function chooseBroker(stable: () => Promise<void>, name: string) {
      const select = getByLabel(dialog(), 'Broker');
      (select.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
      await stable();
      const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
      expect(options.map(accessibleText)).toEqual(['Broker Sim (OAuth 2)', 'Zerodha Kite Connect']);
      options.find((option) => accessibleText(option) === name)!.click();
      await stable();
    }

    it("names the keys as the broker does and goes to the broker's login", async () => {
      const api = fakeApi([]);
      api.create.mockReturnValue(
        of(
          connection({
            state: 'AWAITING_AUTHORISATION',
            activity: 'onboarding',
            authorizationUrl: 'https://kite/login?api_key=k',
          }),
        ),
      );
      const { navigation, stable } = await openWizard(api);

      const current = () => accessibleText(dialog().querySelector('[aria-current="step"]')!);
      expect(current()).toBe('Keys');
      expect(queryByLabel(dialog(), 'Client ID')).toBeNull();
      await chooseBroker(stable, 'Broker Sim (OAuth 2)');
      expect(queryByLabel(dialog(), 'Client ID')).not.toBeNull();
      expect((getByLabel(dialog(), 'Client secret') as HTMLInputElement).type).toBe('password');
      await chooseBroker(stable, 'Zerodha Kite Connect');

      typeInto(getByLabel(dialog(), 'Label'), 'Main account');
      typeInto(getByLabel(dialog(), 'API key'), 'key-1234');
      typeInto(getByLabel(dialog(), 'API secret'), 's3cr3t');
      expect((getByLabel(dialog(), 'API secret') as HTMLInputElement).type).toBe('password');
      buttonByText(dialog(), 'Continue to broker login')!.click();
      await stable();

      expect(api.create).toHaveBeenCalledWith({
        broker: 'kite',
        label: 'Main account',
        apiKey: 'key-1234',
        apiSecret: 's3cr3t',
      });
      expect(current()).toBe('Broker login');
      expect(dialog().textContent).toContain('Your browser now goes to Zerodha Kite Connect');
      expect(navigation.assign).toHaveBeenCalledWith('https://kite/login?api_key=k');
    });

    it('shows the field errors of a 400 under the fields', async () => {
      const api = fakeApi([]);
      api.create.mockReturnValue(
        throwError(
          () =>
            new HttpErrorResponse({
              status: 400,
              error: {
                status: 400,
                detail: 'Invalid connection',
                errors: [
                  { field: 'apiKey', message: 'must be 8 to 64 characters' },
                  { field: 'label', message: 'already used' },
                ],
              },
            }),
        ),
      );
      const { navigation, stable } = await openWizard(api);
      await chooseBroker(stable, 'Zerodha Kite Connect');
      typeInto(getByLabel(dialog(), 'Label'), 'Main account');
      typeInto(getByLabel(dialog(), 'API key'), 'k');
      typeInto(getByLabel(dialog(), 'API secret'), 's');
      buttonByText(dialog(), 'Continue to broker login')!.click();
      await stable();

      const errorOf = (label: string) =>
        accessibleText(
          getByLabel(dialog(), label).closest('mat-form-field')!.querySelector('mat-error')!,
        );
      expect(errorOf('API key')).toBe('must be 8 to 64 characters');
      expect(errorOf('Label')).toBe('already used');
      expect(dialog().querySelector('[role="alert"]')?.textContent).toContain('Invalid connection');
      expect(navigation.assign).not.toHaveBeenCalled();
    });

    it('verifies the connection when the broker sent the browser back', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
      const api = fakeApi([]);
      api.get
        .mockReturnValueOnce(
          of(connection({ state: 'AWAITING_AUTHORISATION', activity: 'onboarding' })),
        )
        .mockReturnValueOnce(of(connection({ lastVerificationMillis: 287 })));
      const { stable } = await render(api, { connected: 'c-1' });
      vi.advanceTimersByTime(0);
      await stable();

      expect(accessibleText(dialog().querySelector('[aria-current="step"]')!)).toBe('Verified');
      expect(api.get).toHaveBeenCalledWith('c-1');
      expect(dialog().querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
        'Verifying the connection',
      );

      vi.advanceTimersByTime(2000);
      await stable();
      expect(dialog().textContent).toContain('Connection verified');
      expect(dialog().textContent).toContain('The broker answered in 287 ms.');
    });

    it('shows the failure, its guide and Reconnect when the broker login failed', async () => {
      const api = fakeApi([]);
      api.get.mockReturnValue(of(connection({ state: 'KEYS_REJECTED', failure: KEYS_REJECTED })));
      api.reconnect.mockReturnValue(of(connection({ authorizationUrl: 'https://kite/again' })));
      const { navigation, stable } = await render(api, { failed: 'c-1' });

      expect(dialog().textContent).toContain('Keys rejected');
      expect(dialog().textContent).toContain('The broker refused the API key or secret.');
      const guide = dialog().querySelector('a');
      expect(accessibleText(guide!)).toBe('Troubleshooting guide');
      expect(guide?.getAttribute('href')).toBe(
        '/diagnostics/guides/keys-rejected#check-the-secret',
      );

      buttonByText(dialog(), 'Reconnect')!.click();
      await stable();
      expect(api.reconnect).toHaveBeenCalledWith('c-1');
      expect(navigation.assign).toHaveBeenCalledWith('https://kite/again');
    });
  });

  describe('Share', () => {
    const LINK: ShareLink = {
      url: 'https://workspace.example/share/tok-1',
      recipient: 'arjun',
      expiresAt: '2026-11-26T10:15:00Z',
    };

    it('creates a link for a recipient and offers to copy it', async () => {
      const api = fakeApi([connection()]);
      api.share.mockReturnValue(of(LINK));
      const { element, clipboard, stable } = await render(api);

      buttonByText(element, 'Share')!.click();
      await stable();
      expect(accessibleText(getByLabel(dialog(), 'Link valid for'))).toBe('15 minutes');
      typeInto(getByLabel(dialog(), 'Recipient (username)'), ' arjun ');
      buttonByText(dialog(), 'Create link')!.click();
      await stable();

      expect(api.share).toHaveBeenCalledWith('c-1', { recipient: 'arjun', ttl: 'PT15M' });
      const link = getByLabel(dialog(), 'Share link') as HTMLInputElement;
      expect(link.value).toBe(LINK.url);
      expect(link.readOnly).toBe(true);
      expect(dialog().querySelector('time')?.getAttribute('datetime')).toBe(LINK.expiresAt);
      buttonByText(dialog(), 'Copy share link')!.click();
      expect(clipboard.copy).toHaveBeenCalledWith(LINK.url);
    });

    it('labels nothing but the link field "Share link", also while the link is created', async () => {
      const api = fakeApi([connection()]);
      const answer = new Subject<ShareLink>();
      api.share.mockReturnValue(answer);
      const { element, stable } = await render(api);
      buttonByText(element, 'Share')!.click();
      await stable();
      typeInto(getByLabel(dialog(), 'Recipient (username)'), 'arjun');
      buttonByText(dialog(), 'Create link')!.click();
      await stable();

      // Waiting for the link by its label (Playwright's getByLabel matches any label containing
      // the text) must not find another element while the request runs.
      expect(buttonByText(dialog(), 'Create link')!.disabled).toBe(true);
      expect(queryAllByLabelContaining(dialog(), 'Share link')).toEqual([]);

      answer.next(LINK);
      answer.complete();
      await stable();
      expect(queryAllByLabelContaining(dialog(), 'Share link')).toEqual([
        getByLabel(dialog(), 'Share link'),
      ]);
    });

    it('shows the field errors under the fields', async () => {
      const api = fakeApi([connection()]);
      api.share.mockReturnValue(
        throwError(
          () =>
            new HttpErrorResponse({
              status: 400,
              error: {
                status: 400,
                detail: 'Invalid share',
                errors: [{ field: 'recipient', message: 'is not a workspace user' }],
              },
            }),
        ),
      );
      const { element, stable } = await render(api);
      buttonByText(element, 'Share')!.click();
      await stable();
      typeInto(getByLabel(dialog(), 'Recipient (username)'), 'nobody');
      buttonByText(dialog(), 'Create link')!.click();
      await stable();

      const field = getByLabel(dialog(), 'Recipient (username)').closest('mat-form-field')!;
      expect(accessibleText(field.querySelector('mat-error')!)).toBe('is not a workspace user');
    });

    it('shares with an outside address only when asked to, and shows its errors there', async () => {
      const api = fakeApi([connection()]);
      api.share.mockReturnValueOnce(
        throwError(
          () =>
            new HttpErrorResponse({
              status: 400,
              error: {
                status: 400,
                detail: 'Invalid share',
                errors: [{ field: 'outsideEmail', message: 'must be an email address' }],
              },
            }),
        ),
      );
      api.share.mockReturnValue(of({ ...LINK, recipient: 'auditor@outside.example' }));
      const { element, stable } = await render(api);
      buttonByText(element, 'Share')!.click();
      await stable();
      expect(queryAllByLabelContaining(dialog(), 'Outside email address')).toEqual([]);

      (
        getByLabel(dialog(), 'Share with an email address outside the partner') as HTMLElement
      ).click();
      await stable();
      expect(queryAllByLabelContaining(dialog(), 'Recipient (username)')).toEqual([]);
      typeInto(getByLabel(dialog(), 'Outside email address'), ' auditor@outside ');
      buttonByText(dialog(), 'Create link')!.click();
      await stable();
      expect(api.share).toHaveBeenCalledWith('c-1', {
        outsideEmail: 'auditor@outside',
        ttl: 'PT15M',
      });
      const field = getByLabel(dialog(), 'Outside email address').closest('mat-form-field')!;
      expect(accessibleText(field.querySelector('mat-error')!)).toBe('must be an email address');

      typeInto(getByLabel(dialog(), 'Outside email address'), 'auditor@outside.example');
      buttonByText(dialog(), 'Create link')!.click();
      await stable();
      expect(api.share).toHaveBeenLastCalledWith('c-1', {
        outsideEmail: 'auditor@outside.example',
        ttl: 'PT15M',
      });
      expect((getByLabel(dialog(), 'Share link') as HTMLInputElement).value).toBe(LINK.url);
    });

    it('steps up, then creates the remembered link after the login', async () => {
      const api = fakeApi([connection()]);
      api.share.mockReturnValueOnce(throwError(() => problem(403, 'mfa-step-up-required')));
      const first = await render(api);
      buttonByText(first.element, 'Share')!.click();
      await first.stable();
      typeInto(getByLabel(dialog(), 'Recipient (username)'), 'arjun');
      buttonByText(dialog(), 'Create link')!.click();
      await first.stable();

      expect(first.auth.stepUp).toHaveBeenCalledWith('/credentials?share=c-1');
      expect(JSON.parse(sessionStorage.getItem(PENDING_SHARE_KEY)!)).toEqual({
        connectionId: 'c-1',
        recipient: 'arjun',
        ttl: 'PT15M',
      });

      TestBed.resetTestingModule();
      api.get.mockReturnValue(of(connection()));
      api.share.mockReturnValue(of(LINK));
      const back = await render(api, { share: 'c-1' });
      expect(api.share).toHaveBeenLastCalledWith('c-1', { recipient: 'arjun', ttl: 'PT15M' });
      expect(back.auth.stepUp).not.toHaveBeenCalled();
      expect(sessionStorage.getItem(PENDING_SHARE_KEY)).toBeNull();
      expect((getByLabel(dialog(), 'Share link') as HTMLInputElement).value).toBe(LINK.url);
    });
  });
});
