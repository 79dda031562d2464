import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Me } from '../../../core/me/me.api';
import { MeStore } from '../../../core/me/me.store';
import { ProfilePanel } from './profile-panel';

function definitions(element: HTMLElement): Record<string, string> {
  const result: Record<string, string> = {};
  element.querySelectorAll('dt').forEach((dt) => {
    result[dt.textContent!.trim()] = (dt.nextElementSibling as HTMLElement)
      .textContent!.replace(/\s+/g, ' ')
      .trim();
  });
  return result;
}

async function render(me: Me) {
  const store = {
    me: signal(me),
    error: computed(() => null),
    ensureLoaded: vi.fn(),
    reload: vi.fn(),
  };
  TestBed.configureTestingModule({
    imports: [ProfilePanel],
    providers: [{ provide: MeStore, useValue: store }],
  });
  const fixture = TestBed.createComponent(ProfilePanel);
  await fixture.whenStable();
  return { element: fixture.nativeElement as HTMLElement, store };
}

describe('ProfilePanel', () => {
  it('lists the profile by label', async () => {
    const { element, store } = await render({
      username: 'nikhil',
      displayName: 'Nikhil Sharma',
      partner: 'nikhil',
      roles: ['partner', 'approver'],
      acr: '1',
      authTime: '2026-11-26T05:00:00Z',
      delegations: [],
    });
    const dl = definitions(element);
    expect(Object.keys(dl)).toEqual([
      'Username',
      'Name',
      'Partner',
      'Roles',
      'Sign-in method',
      'Authenticated at',
    ]);
    expect(dl['Username']).toBe('nikhil');
    expect(dl['Name']).toBe('Nikhil Sharma');
    expect(dl['Partner']).toBe('nikhil');
    expect(dl['Roles']).toContain('partner');
    expect(dl['Roles']).toContain('approver');
    expect(dl['Sign-in method']).toBe('Signed in with password');
    expect(dl['Authenticated at']).toMatch(/2026/);
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-26T05:00:00Z');
    expect(store.ensureLoaded).toHaveBeenCalled();
  });

  it('shows placeholders for missing values', async () => {
    const { element } = await render({
      username: 'ops1',
      displayName: 'Ops One',
      partner: null,
      roles: [],
      acr: null,
      authTime: null,
      delegations: [],
    });
    const dl = definitions(element);
    expect(dl['Partner']).toBe('None');
    expect(dl['Roles']).toBe('None');
    expect(dl['Sign-in method']).toBe('Not available');
    expect(dl['Authenticated at']).toBe('Not available');
  });

  it.each([
    ['password', 'Signed in with password'],
    ['mfa', 'Signed in with password and one-time code'],
  ])('says how the user signed in (acr %s), never the raw ACR', async (acr, text) => {
    const { element } = await render({
      username: 'nikhil',
      displayName: 'Nikhil Sharma',
      partner: 'nikhil',
      roles: ['partner'],
      acr,
      authTime: null,
      delegations: [],
    });
    expect(definitions(element)['Sign-in method']).toBe(text);
    expect(element.textContent).not.toContain('ACR');
  });
});
