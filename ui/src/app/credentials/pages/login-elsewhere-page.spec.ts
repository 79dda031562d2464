import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { isPublicPage } from '../../core/layout/public-pages';
import { LOGIN_STARTED_ELSEWHERE, LoginElsewherePage } from './login-elsewhere-page';

describe('LoginElsewherePage', () => {
  it('says the login was started elsewhere and leads to the Credentials page', async () => {
    TestBed.configureTestingModule({
      imports: [LoginElsewherePage],
      providers: [provideRouter([])],
    });
    const fixture = TestBed.createComponent(LoginElsewherePage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      LOGIN_STARTED_ELSEWHERE,
    );
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/credentials');
  });

  it('opens without a login, outside the shell', () => {
    expect(isPublicPage('/credentials/login-elsewhere')).toBe(true);
    expect(isPublicPage('/credentials')).toBe(false);
  });
});
