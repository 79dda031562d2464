import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { MeStore } from '../../core/me/me.store';
import { WorkspacePage } from './workspace-page';

async function render() {
  const me = signal({
    username: 'nikhil',
    displayName: 'Nikhil Sharma',
    partner: 'nikhil',
    roles: ['partner'],
    acr: '1',
    authTime: '2026-11-26T05:00:00Z',
    delegations: [],
  });
  TestBed.configureTestingModule({
    imports: [WorkspacePage],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: AuthService, useValue: { isLoggedIn: () => false, login: vi.fn() } },
      {
        provide: MeStore,
        useValue: {
          me,
          error: computed(() => null),
          roles: computed(() => me().roles),
          partner: computed(() => me().partner),
          displayName: computed(() => me().displayName),
          ensureLoaded: vi.fn(),
          reload: vi.fn(),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(WorkspacePage);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/workspace').flush(null, { status: 404, statusText: 'Not Found' });
  fixture.detectChanges();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) =>
    [...element.querySelectorAll('button')].find((b) =>
      (b.getAttribute('aria-label') ?? b.textContent!.trim()).includes(name),
    ) as HTMLButtonElement | undefined;
  const regions = () =>
    [...element.querySelectorAll('app-widget-card [role="region"]')].map((r) =>
      r.getAttribute('aria-label'),
    );
  return { fixture, element, button, regions };
}

describe('WorkspacePage', () => {
  it('keeps the welcome and the profile, and shows the standard layout when the server has none', async () => {
    const { element, regions } = await render();
    expect(element.querySelector('h1')?.textContent).toContain('Welcome, Nikhil Sharma');
    expect(element.textContent).toContain('Your profile');
    expect(element.textContent).toContain('Using the standard layout');
    expect(regions()).toEqual([
      'Login health',
      'Broker connections',
      'Upcoming rotations',
      'Latency and SLA',
      'Open alerts',
      'Delegations',
      'Recent activity',
    ]);
  });

  it('reorders by keyboard with Move up / Move down buttons named after the widget', async () => {
    const { fixture, button, regions } = await render();
    button('Edit layout')!.click();
    fixture.detectChanges();
    expect(button('Move Login health up')!.disabled).toBe(true);
    button('Move Login health down')!.click();
    fixture.detectChanges();
    expect(regions().slice(0, 2)).toEqual(['Broker connections', 'Login health']);
    button('Remove Recent activity')!.click();
    fixture.detectChanges();
    expect(regions()).not.toContain('Recent activity');
    expect(
      fixture.nativeElement.querySelector('[aria-label="Size of Latency and SLA"]'),
    ).not.toBeNull();
    expect(button('Login health is pinned')).toBeUndefined();
  });
});
