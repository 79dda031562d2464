import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  typeInto,
} from '../../shared/testing/dom-queries';
import { Me } from '../../core/me/me.api';
import { MeStore } from '../../core/me/me.store';
import { AuditApi } from '../audit-api';
import { AuditPage as AuditPageBody, AuditVerification } from '../audit.models';
import { AuditPage, localToInstant } from './audit-page';

const PAGE: AuditPageBody = {
  entries: [
    {
      id: 'a-1',
      at: '2026-11-26T05:00:00Z',
      actor: 'nikhil',
      partner: 'nikhil',
      action: 'delegation.requested',
      target: 'd-1',
      details: { delegate: 'arjun', scopes: ['orders:place'], duration: 'PT8H' },
      hash: 'abc',
    },
  ],
  page: 0,
  size: 50,
  total: 120,
};

function me(roles: string[]): Me {
  return {
    username: 'someone',
    displayName: 'Someone',
    partner: null,
    roles,
    acr: null,
    authTime: null,
    delegations: [],
  };
}

async function render(
  verification: AuditVerification = { ok: true, entries: 120 },
  roles: string[] = ['partner'],
) {
  const api = {
    entries: vi.fn(() => of(PAGE)),
    verify: vi.fn(() => of(verification)),
  };
  TestBed.configureTestingModule({
    imports: [AuditPage],
    providers: [
      { provide: AuditApi, useValue: api },
      { provide: MeStore, useValue: { me: signal(me(roles)), ensureLoaded: () => undefined } },
    ],
  });
  const fixture = TestBed.createComponent(AuditPage);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement, api };
}

describe('AuditPage', () => {
  it('lists the entries with compact details and a paginator', async () => {
    const { element, api } = await render();
    expect(element.querySelector('h1')?.textContent).toBe('Audit trail');
    expect(api.entries).toHaveBeenCalledWith(expect.objectContaining({ page: 0, size: 50 }));
    const headers = Array.from(element.querySelectorAll('table th')).map(accessibleText);
    expect(headers).toEqual(['Time', 'Actor', 'Partner', 'Action', 'Target', 'Details']);
    const row = element.querySelector('table tbody tr')!;
    expect(row.textContent).toContain('delegation.requested');
    expect(accessibleText(row.querySelector('.sentence')!)).toBe(
      'nikhil asked to delegate orders:place to arjun for 8 hours',
    );
    expect(element.querySelector('mat-paginator')?.textContent).toContain('of 120');
  });

  it('shows the JSON details one click away, behind a disclosure button', async () => {
    const { fixture, element } = await render();
    const row = element.querySelector('table tbody tr')!;
    const toggle = buttonByText(row, 'Show JSON')!;
    const json = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(json.hidden).toBe(true);

    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(accessibleText(toggle)).toBe('Hide JSON');
    expect(json.hidden).toBe(false);
    expect(json.textContent).toBe(
      '{"delegate":"arjun","scopes":["orders:place"],"duration":"PT8H"}',
    );

    toggle.click();
    await fixture.whenStable();
    expect(json.hidden).toBe(true);
  });

  it('applies the filters, with From and To as ISO instants', async () => {
    const { fixture, element, api } = await render();
    typeInto(getByLabel(element, 'Action'), 'delegation.requested');
    typeInto(getByLabel(element, 'Actor'), 'nikhil');
    const from = getByLabel(element, 'From') as HTMLInputElement;
    expect(from.type).toBe('datetime-local');
    typeInto(from, '2026-11-26T10:30');
    typeInto(getByLabel(element, 'To'), '2026-11-27T10:30');
    buttonByText(element, 'Apply filters')!.click();
    await fixture.whenStable();

    expect(api.entries).toHaveBeenLastCalledWith({
      action: 'delegation.requested',
      actor: 'nikhil',
      from: new Date('2026-11-26T10:30').toISOString(),
      to: new Date('2026-11-27T10:30').toISOString(),
      page: 0,
      size: 50,
    });
  });

  it('reports an intact trail', async () => {
    const { fixture, element } = await render({ ok: true, entries: 120 });
    buttonByText(element, 'Verify trail')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Trail verified: 120 entries, no tampering',
    );
  });

  it('reports where the trail is broken', async () => {
    const { fixture, element } = await render({ ok: false, entries: 120, firstBrokenId: 'a-7' });
    buttonByText(element, 'Verify trail')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Trail broken at entry a-7',
    );
  });

  it('offers verification to partners and ops only', async () => {
    for (const roles of [['partner'], ['ops']]) {
      TestBed.resetTestingModule();
      const { element } = await render(undefined, roles);
      expect(buttonByText(element, 'Verify trail')).toBeTruthy();
    }
    for (const roles of [['analyst'], ['approver'], ['bot']]) {
      TestBed.resetTestingModule();
      const { element } = await render(undefined, roles);
      expect(buttonByText(element, 'Verify trail')).toBeFalsy();
    }
  });

  it('converts datetime-local values', () => {
    expect(localToInstant('')).toBeUndefined();
    expect(localToInstant('nonsense')).toBeUndefined();
    expect(localToInstant('2026-11-26T10:30')).toBe(new Date(2026, 10, 26, 10, 30).toISOString());
  });
});
