import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  queryByLabel,
} from '../../shared/testing/dom-queries';
import { Me } from '../../core/me/me.api';
import { MeStore } from '../../core/me/me.store';
import { DelegationsApi } from '../delegations-api';
import { Delegation, DelegationView } from '../delegations.models';
import { SCOPES, delegation } from '../testing/delegation-fixtures';
import { DelegationsPage, PENDING_MFA_KEY } from './delegations-page';

const NIKHIL: Me = {
  username: 'nikhil',
  displayName: 'Nikhil Sharma',
  partner: 'nikhil',
  roles: ['partner'],
  acr: '1',
  authTime: '2026-11-26T05:00:00Z',
  delegations: [],
};

const PRIYA: Me = { ...NIKHIL, username: 'priya', partner: null, roles: ['approver'] };

function stepUpRequired(): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 403,
    statusText: 'Forbidden',
    error: {
      type: 'https://partner-workspace/problems/mfa-step-up-required',
      title: 'MFA step-up required',
      status: 403,
      detail: 'Confirm with a fresh one-time code',
    },
  });
}

function fakeApi(lists: Partial<Record<DelegationView, Delegation[]>>) {
  return {
    scopes: vi.fn(() => of(SCOPES)),
    team: vi.fn(() =>
      of([
        { username: 'nikhil', displayName: 'Nikhil Sharma' },
        { username: 'arjun', displayName: 'Arjun Mehta' },
      ]),
    ),
    connections: vi.fn(() => of([{ id: 'c-1', label: 'Main account', state: 'ACTIVE' }])),
    list: vi.fn((view: DelegationView) => of(lists[view] ?? [])),
    confirmMfa: vi.fn<(id: string) => Observable<Delegation>>(),
    revoke: vi.fn<(id: string) => Observable<Delegation>>(),
    request: vi.fn(),
  };
}

async function render(me: Me, api: ReturnType<typeof fakeApi>) {
  const auth = { stepUp: vi.fn() };
  TestBed.configureTestingModule({
    imports: [DelegationsPage],
    providers: [
      { provide: DelegationsApi, useValue: api },
      { provide: MeStore, useValue: { me: signal(me), load: () => of(me) } },
      { provide: AuthService, useValue: auth },
    ],
  });
  const fixture = TestBed.createComponent(DelegationsPage);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement, auth };
}

function headings(element: HTMLElement, selector: string): string[] {
  return Array.from(element.querySelectorAll(selector)).map(accessibleText);
}

describe('DelegationsPage', () => {
  afterEach(() => sessionStorage.removeItem(PENDING_MFA_KEY));

  it('offers the request form by label to a partner', async () => {
    const api = fakeApi({});
    const { element } = await render(NIKHIL, api);

    expect(headings(element, 'h1')).toEqual(['Delegations']);
    expect(headings(element, 'h2')).toEqual([
      'Request a delegation',
      'My requests',
      'Granted to me',
    ]);
    expect(element.querySelector('form')?.getAttribute('aria-labelledby')).toBe('request-title');

    const delegate = getByLabel(element, 'Delegate');
    expect(delegate.getAttribute('role')).toBe('combobox');
    expect((getByLabel(element, 'Duration') as HTMLInputElement).value).toBe('8');
    expect(element.textContent).not.toContain('PT8H');
    expect(getByLabel(element, 'Justification').tagName).toBe('TEXTAREA');
    expect(queryByLabel(element, 'Bot name')).toBeNull();

    const orders = getByLabel(element, 'orders:place') as HTMLInputElement;
    expect(orders.type).toBe('checkbox');
    const ordersRow = orders.closest('.scope')!;
    expect(accessibleText(ordersRow.querySelector('.chip')!)).toBe('critical');
    expect(ordersRow.textContent).toContain('Place orders for the partner');
    const reports = getByLabel(element, 'reports:read');
    expect(reports.closest('.scope')!.querySelector('.chip')).toBeNull();

    expect(buttonByText(element, 'Request delegation')?.type).toBe('submit');
    expect(getByLabel(element, 'Connection').getAttribute('role')).toBe('combobox');
    expect(api.connections).toHaveBeenCalled();
    expect(api.team).toHaveBeenCalledWith('nikhil');
    expect(api.list).toHaveBeenCalledWith('mine');
    expect(api.list).toHaveBeenCalledWith('granted-to-me');
    expect(api.list).not.toHaveBeenCalledWith('to-approve');
  });

  it('shows each delegation with its state, approvals, approvers, timeline and actions', async () => {
    const { element } = await render(NIKHIL, fakeApi({ mine: [delegation()] }));
    const section = element.querySelector('section[aria-labelledby="delegations-mine"]')!;
    const card = section.querySelector('ul li app-delegation-card')!;

    expect(accessibleText(card.querySelector('h3')!)).toBe('Delegate: arjun');
    const state = card.querySelector('[data-state]')!;
    expect(state.getAttribute('data-state')).toBe('AWAITING_MFA');
    expect(accessibleText(state)).toBe('Awaiting MFA');
    expect(card.textContent).toContain('orders:place');
    expect(card.textContent).toContain('All connections');
    expect(card.textContent).toContain('8 hours');
    expect(card.textContent).not.toContain('PT8H');
    expect(card.textContent).toContain('Approvals: 0 of 2');
    expect(card.textContent).toContain('Can approve: priya, vikram');
    expect(card.textContent).toContain('Timeline');
    expect(buttonByText(card, 'Confirm with MFA')).toBeDefined();
    expect(buttonByText(card, 'Revoke')).toBeDefined();
  });

  it('shows the connection a delegation is limited to', async () => {
    const limited = delegation({ connection: 'c-1', connectionLabel: 'Main account' });
    const { element } = await render(NIKHIL, fakeApi({ mine: [limited] }));
    const card = element.querySelector('app-delegation-card')!;
    expect(card.textContent).toContain('Main account');
    expect(card.textContent).not.toContain('All connections');
  });

  it('offers neither action on a delegation of someone else', async () => {
    const { element } = await render(
      NIKHIL,
      fakeApi({ 'granted-to-me': [delegation({ requester: 'mukesh', state: 'ACTIVE' })] }),
    );
    expect(buttonByText(element, 'Confirm with MFA')).toBeUndefined();
    expect(buttonByText(element, 'Revoke')).toBeUndefined();
  });

  it('shows "To approve" (and no form) to an approver', async () => {
    const api = fakeApi({ 'to-approve': [delegation({ state: 'AWAITING_APPROVAL' })] });
    const { element } = await render(PRIYA, api);
    expect(headings(element, 'h2')).toEqual(['To approve']);
    expect(queryByLabel(element, 'Delegate')).toBeNull();
    expect(api.scopes).not.toHaveBeenCalled();
    expect(element.querySelector('[data-state]')?.textContent?.trim()).toBe('Awaiting approval');
  });

  it('confirms with MFA and shows the new state', async () => {
    const api = fakeApi({ mine: [delegation()] });
    api.confirmMfa.mockReturnValue(of(delegation({ state: 'AWAITING_APPROVAL' })));
    const { fixture, element, auth } = await render(NIKHIL, api);

    buttonByText(element, 'Confirm with MFA')!.click();
    await fixture.whenStable();

    expect(api.confirmMfa).toHaveBeenCalledWith('d-1');
    expect(auth.stepUp).not.toHaveBeenCalled();
    expect(element.querySelector('[data-state]')?.getAttribute('data-state')).toBe(
      'AWAITING_APPROVAL',
    );
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Awaiting approval');
  });

  it('steps up to MFA when the engine answers 403 mfa-step-up-required', async () => {
    const api = fakeApi({ mine: [delegation()] });
    api.confirmMfa.mockReturnValue(throwError(() => stepUpRequired()));
    const { fixture, element, auth } = await render(NIKHIL, api);

    buttonByText(element, 'Confirm with MFA')!.click();
    await fixture.whenStable();

    expect(auth.stepUp).toHaveBeenCalledWith('/delegations');
    expect(sessionStorage.getItem(PENDING_MFA_KEY)).toBe(JSON.stringify('d-1'));
  });

  it('confirms the pending delegation again after the step-up login', async () => {
    sessionStorage.setItem(PENDING_MFA_KEY, JSON.stringify('d-1'));
    const api = fakeApi({ mine: [delegation({ state: 'ACTIVE' })] });
    api.confirmMfa.mockReturnValue(of(delegation({ state: 'ACTIVE' })));
    const { element, auth } = await render(NIKHIL, api);

    expect(api.confirmMfa).toHaveBeenCalledWith('d-1');
    expect(sessionStorage.getItem(PENDING_MFA_KEY)).toBeNull();
    expect(auth.stepUp).not.toHaveBeenCalled();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Delegation confirmed: Active',
    );
    expect(element.querySelector('[data-state]')?.getAttribute('data-state')).toBe('ACTIVE');
  });

  it('does not step up twice in a row (no login loop)', async () => {
    sessionStorage.setItem(PENDING_MFA_KEY, JSON.stringify('d-1'));
    const api = fakeApi({ mine: [delegation()] });
    api.confirmMfa.mockReturnValue(throwError(() => stepUpRequired()));
    const { element, auth } = await render(NIKHIL, api);

    expect(auth.stepUp).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(PENDING_MFA_KEY)).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Confirm with a fresh one-time code',
    );
  });

  it('revokes and shows the problem when it fails', async () => {
    const api = fakeApi({ mine: [delegation({ state: 'ACTIVE' })] });
    api.revoke.mockReturnValueOnce(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { status: 409, detail: 'Delegation already revoked' },
          }),
      ),
    );
    const { fixture, element } = await render(NIKHIL, api);

    buttonByText(element, 'Revoke')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Delegation already revoked',
    );

    api.revoke.mockReturnValueOnce(of(delegation({ state: 'REVOKED' })));
    buttonByText(element, 'Revoke')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[data-state]')?.textContent?.trim()).toBe('Revoked');
    expect(buttonByText(element, 'Revoke')).toBeUndefined();
  });
});
