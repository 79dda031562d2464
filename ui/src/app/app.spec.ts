import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { App } from './app';
import { AuthService } from './core/auth/auth.service';
import { LandingPage } from './core/layout/landing/landing-page';
import { Shell } from './core/layout/shell/shell';

@Component({ selector: 'app-shell', template: 'shell' })
class FakeShell {}

@Component({ selector: 'app-landing-page', template: 'landing' })
class FakeLanding {}

@Component({ selector: 'app-fake-share', template: 'public share page' })
class FakeSharePage {}

@Component({ selector: 'app-fake-ack', template: 'public ack page' })
class FakeAckPage {}

async function render(path: string, loggedIn: boolean) {
  window.history.replaceState(null, '', path);
  TestBed.configureTestingModule({
    imports: [App],
    providers: [
      provideRouter([
        { path: 'share/:token', component: FakeSharePage },
        { path: 'ack/:token', component: FakeAckPage },
        { path: '**', children: [] },
      ]),
      { provide: AuthService, useValue: { isLoggedIn: signal(loggedIn) } },
    ],
  });
  TestBed.overrideComponent(App, {
    remove: { imports: [Shell, LandingPage] },
    add: { imports: [FakeShell, FakeLanding] },
  });
  const fixture = TestBed.createComponent(App);
  await TestBed.inject(Router).navigateByUrl(path);
  await fixture.whenStable();
  return (fixture.nativeElement as HTMLElement).textContent?.trim();
}

describe('App', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it.each([false, true])('renders a share link on its own (logged in: %s)', async (loggedIn) => {
    expect(await render('/share/tok-1', loggedIn)).toBe('public share page');
  });

  it.each([false, true])(
    'renders an alert acknowledgement link on its own (logged in: %s)',
    async (loggedIn) => {
      expect(await render('/ack/tok-1', loggedIn)).toBe('public ack page');
    },
  );

  it('shows the landing page to visitors without a session', async () => {
    expect(await render('/credentials', false)).toBe('landing');
  });

  it('shows the shell to signed-in users', async () => {
    expect(await render('/credentials', true)).toBe('shell');
  });
});
