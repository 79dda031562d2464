import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService, AuthStatus, SERVER_UNREACHABLE } from '../../auth/auth.service';
import { LandingPage } from './landing-page';

async function render(status: AuthStatus, error: string | null) {
  const auth = { status: signal(status), error: signal(error), login: vi.fn() };
  TestBed.configureTestingModule({
    imports: [LandingPage],
    providers: [{ provide: AuthService, useValue: auth }],
  });
  const fixture = TestBed.createComponent(LandingPage);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const logIn = Array.from(element.querySelectorAll('button')).find(
    (b) => b.textContent?.trim() === 'Log in',
  )!;
  return { element, auth, logIn };
}

describe('LandingPage', () => {
  it('offers "Log in", which starts the code flow', async () => {
    const { element, auth, logIn } = await render('ready', null);
    expect(element.querySelector('h1')?.textContent).toBe('Partner Workspace');
    expect(logIn.disabled).toBe(false);
    logIn.click();
    expect(auth.login).toHaveBeenCalled();
  });

  it('explains when the server cannot be reached', async () => {
    const { element, logIn } = await render('error', SERVER_UNREACHABLE);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Cannot reach the workspace server',
    );
    expect(logIn.disabled).toBe(true);
  });
});
