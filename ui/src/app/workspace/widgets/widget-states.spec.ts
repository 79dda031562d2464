import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Type, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { BrokerConnectionsWidget } from './broker-connections/broker-connections-widget';
import { LoginHealthWidget } from './login-health/login-health-widget';
import { PlatformHealthWidget } from './platform-health/platform-health-widget';
import { WIDGET_POLL_MS } from './widget-poll';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function render<T>(component: Type<T>, loggedIn = true) {
  const auth = { isLoggedIn: signal(loggedIn), login: vi.fn(), accessToken: () => 'token' };
  TestBed.configureTestingModule({
    imports: [component],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: AuthService, useValue: auth },
    ],
  });
  const fixture = TestBed.createComponent(component);
  fixture.detectChanges();
  await tick();
  const http = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, element, auth, settle };
}

const text = (element: HTMLElement) => element.textContent!.replace(/\s+/g, ' ');

describe('widget states', () => {
  it('leads ops from open incidents on the dashboard to the incidents on the Models page', async () => {
    const { http, element, settle } = await render(PlatformHealthWidget);
    http.expectOne('/api/workspace/widgets/platform-health').flush({
      widget: 'platform-health',
      generatedAt: new Date().toISOString(),
      data: {
        components: [{ id: 'db', name: 'Database', status: 'UP' }],
        jobExecutorActive: true,
        incidents: 2,
        failedJobs: 2,
      },
    });
    await settle();
    const link = [...element.querySelectorAll('a')].find((a) =>
      a.textContent!.includes('Review incidents'),
    );
    expect(link?.getAttribute('href')).toBe('/models#incidents');
  });

  it('shows loading, then the data (login health, session countdown)', async () => {
    const { http, element, settle } = await render(LoginHealthWidget);
    expect(element.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe(
      'Login health',
    );
    expect(text(element)).toContain('Loading');
    const expires = new Date(Date.now() + 3 * 60_000 + 30_000).toISOString();
    http.expectOne('/api/workspace/widgets/login-health').flush({
      widget: 'login-health',
      generatedAt: new Date().toISOString(),
      data: {
        window: 'PT24H',
        lastLoginAt: '2026-12-04T08:00:00Z',
        failedLogins: 4,
        lastFailureAt: null,
        mfaSetUp: false,
        sessionExpiresAt: expires,
      },
    });
    await settle();
    expect(text(element)).not.toContain('Loading');
    expect(text(element)).toContain('Not set up');
    expect(text(element)).toMatch(/3 minutes \d+ seconds left/);
    expect(element.querySelector('[role="alert"]')?.textContent).toMatch(/left/);
  });

  it('shows an error with Try again, which asks again', async () => {
    const { http, element, settle } = await render(LoginHealthWidget);
    http
      .expectOne('/api/workspace/widgets/login-health')
      .flush({ detail: 'Keycloak is not answering' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Keycloak is not answering',
    );
    const retry = [...element.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Try again'),
    )!;
    retry.click();
    await tick();
    http.expectOne('/api/workspace/widgets/login-health');
  });

  it('shows an empty state that says what to do (broker connections)', async () => {
    const { http, element, settle } = await render(BrokerConnectionsWidget);
    http.expectOne('/api/workspace/widgets/broker-connections').flush({
      widget: 'broker-connections',
      generatedAt: new Date().toISOString(),
      data: { connections: [] },
    });
    await settle();
    expect(text(element)).toContain('No broker connected yet. Add one on the Credentials page.');
    expect(element.querySelector('a[href="/credentials"]')?.textContent).toContain(
      'Connect a broker',
    );
  });

  it('offers Reconnect for an expired connection, named by its label', async () => {
    const { http, element, settle } = await render(BrokerConnectionsWidget);
    http.expectOne('/api/workspace/widgets/broker-connections').flush({
      widget: 'broker-connections',
      generatedAt: new Date().toISOString(),
      data: {
        connections: [
          {
            id: 'c1',
            label: 'Main account',
            broker: 'broker-sim',
            brokerName: 'Broker Sim',
            state: 'EXPIRED',
            tokenIssuedAt: null,
            tokenAgeSeconds: 7200,
            expiresAt: new Date(Date.now() - 1000).toISOString(),
            dailyCutOffAt: null,
            nextRotationAt: null,
            lastVerifiedAt: null,
            action: 'RECONNECT',
            guide: null,
          },
        ],
      },
    });
    await settle();
    expect(text(element)).toContain('Expired');
    expect(text(element)).toContain('token age 2 hours');
    expect(element.querySelector('button[aria-label="Reconnect Main account"]')).not.toBeNull();
  });

  it('asks to sign in again, not an error, when the session has ended', async () => {
    const { http, element, settle, auth } = await render(LoginHealthWidget, false);
    http.expectNone('/api/workspace/widgets/login-health');
    await settle();
    expect(text(element)).toContain('Your session has ended');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    const signIn = [...element.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Sign in again'),
    )!;
    signIn.click();
    expect(auth.login).toHaveBeenCalled();
  });

  it('turns a 401 into the sign-in prompt and stops polling', async () => {
    const { http, element, settle } = await render(LoginHealthWidget);
    http
      .expectOne('/api/workspace/widgets/login-health')
      .flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(text(element)).toContain('Your session has ended');
    expect(WIDGET_POLL_MS).toBeLessThanOrEqual(15_000);
  });
});
