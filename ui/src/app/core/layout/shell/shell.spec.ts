import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Me } from '../../me/me.api';
import { MeStore } from '../../me/me.store';
import { AuthService } from '../../auth/auth.service';
import { NAV_BADGE_SOURCES, NavBadgeSource } from '../nav-badges';
import { Shell } from './shell';

function fakeStore(value: Me) {
  const me = signal<Me | null>(value);
  return {
    me,
    displayName: computed(() => me()?.displayName ?? ''),
    partner: computed(() => me()?.partner ?? null),
    isOps: computed(() => me()?.roles.includes('ops') ?? false),
    ensureLoaded: vi.fn(),
  };
}

async function render(value: Me, badges: NavBadgeSource[] = []) {
  const auth = { logout: vi.fn() };
  TestBed.configureTestingModule({
    imports: [Shell],
    providers: [
      provideRouter([]),
      { provide: NAV_BADGE_SOURCES, useValue: badges },
      { provide: AuthService, useValue: auth },
      { provide: MeStore, useValue: fakeStore(value) },
    ],
  });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  return { element: fixture.nativeElement as HTMLElement, auth };
}

function navLabels(element: HTMLElement): string[] {
  const nav = element.querySelector('nav[aria-label="Main navigation"]');
  expect(nav).not.toBeNull();
  return Array.from(nav!.querySelectorAll('a')).map(accessibleText);
}

/** Text content without aria-hidden parts (the icon ligatures), close to the accessible name. */
function accessibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return clone.textContent!.trim();
}

function button(element: HTMLElement, name: string): HTMLButtonElement | undefined {
  return Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
}

const partner: Me = {
  username: 'nikhil',
  displayName: 'Nikhil Sharma',
  partner: 'nikhil',
  roles: ['partner'],
  acr: '1',
  authTime: '2026-11-26T05:00:00Z',
  delegations: [],
};

describe('Shell', () => {
  it('shows the partner navigation without Models', async () => {
    const { element } = await render(partner);
    expect(navLabels(element)).toEqual([
      'Workspace',
      'Inbox',
      'Credentials',
      'Delegations',
      'Alerts',
      'Diagnostics',
      'Audit',
    ]);
    const links = Array.from(element.querySelectorAll('nav a')).map((a) => a.getAttribute('href'));
    expect(links).toContain('/workspace');
    expect(links).not.toContain('/models');
  });

  it('shows Models for the ops role', async () => {
    const { element } = await render({ ...partner, partner: null, roles: ['ops'] });
    expect(navLabels(element)).toEqual([
      'Workspace',
      'Inbox',
      'Credentials',
      'Delegations',
      'Alerts',
      'Diagnostics',
      'Audit',
      'Models',
      'Partners',
    ]);
    expect(element.querySelector('nav a[href="/models"]')).not.toBeNull();
    expect(element.querySelector('nav a[href="/partners"]')).not.toBeNull();
  });

  it('shows approvers only what they decide on', async () => {
    const { element } = await render({ ...partner, partner: null, roles: ['approver'] });
    expect(navLabels(element)).toEqual(['Workspace', 'Inbox', 'Delegations', 'Audit']);
  });

  it('shows a teammate the credentials only while a credentials scope is delegated to them', async () => {
    const analyst: Me = { ...partner, username: 'arjun', partner: null, roles: ['analyst'] };
    const { element } = await render(analyst);
    expect(navLabels(element)).toEqual(['Workspace', 'Delegations', 'Diagnostics']);
    TestBed.resetTestingModule();
    const delegated = await render({
      ...analyst,
      delegations: [
        { partner: 'nikhil', scope: 'credentials:view-status', expiresAt: '2026-11-26T13:00:00Z' },
      ],
    });
    expect(navLabels(delegated.element)).toContain('Credentials');
  });

  it('shows the user, the partner and the landmarks in the toolbar', async () => {
    const { element } = await render(partner);
    const header = element.querySelector('header')!;
    expect(header.textContent).toContain('Partner Workspace');
    expect(header.textContent).toContain('Nikhil Sharma');
    expect(header.textContent).toContain('Partner: nikhil');
    expect(element.querySelector('main')).not.toBeNull();
  });

  it('offers Help: the partner onboarding guide', async () => {
    const { element } = await render(partner);
    const help = Array.from(element.querySelectorAll('header a')).find((a) =>
      a.textContent?.trim().endsWith('Help'),
    );
    expect(help?.getAttribute('href')).toBe('/diagnostics/guides/partner-onboarding');
  });

  it('omits the partner chip without a partner', async () => {
    const { element } = await render({ ...partner, partner: null });
    expect(element.textContent).not.toContain('Partner:');
  });

  it('logs out with the "Log out" button', async () => {
    const { element, auth } = await render(partner);
    expect(button(element, 'Profile')).toBeDefined();
    button(element, 'Log out')!.click();
    expect(auth.logout).toHaveBeenCalled();
  });

  it('shows my open task count beside Inbox once the item is shown', async () => {
    const inbox = { path: '/inbox', count: signal<number | null>(7), start: vi.fn() };
    const { element } = await render(
      {
        username: 'priya',
        displayName: 'Priya',
        roles: ['approver'],
        partner: null,
      } as unknown as Me,
      [inbox],
    );
    expect(inbox.start).toHaveBeenCalled();
    const badge = element.querySelector('nav .badge');
    expect(badge?.textContent?.trim()).toBe('7');
    expect(badge?.getAttribute('aria-label')).toBe('7 open');
  });
});
