import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOWS_OWN_ERRORS } from '../core/http/shows-own-errors';
import { DelegationsApi } from './delegations-api';
import { BotSecret, Delegation, Scope } from './delegations.models';
import { delegation } from './testing/delegation-fixtures';

describe('DelegationsApi', () => {
  let api: DelegationsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(DelegationsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('GETs the scopes', () => {
    const scopes: Scope[] = [
      { name: 'orders:place', description: 'Place orders', critical: true, maxDuration: 'PT8H' },
    ];
    let received: Scope[] | undefined;
    api.scopes().subscribe((s) => (received = s));
    const req = backend.expectOne('/api/scopes');
    expect(req.request.method).toBe('GET');
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(scopes);
    expect(received).toEqual(scopes);
  });

  it("GETs the partner's team with the partner escaped", () => {
    api.team('nikhil sharma').subscribe();
    const req = backend.expectOne('/api/partners/nikhil%20sharma/team');
    expect(req.request.method).toBe('GET');
    req.flush([{ username: 'arjun', displayName: 'Arjun Mehta' }]);
  });

  it.each(['mine', 'to-approve', 'granted-to-me'] as const)('lists the view %s', (view) => {
    let received: Delegation[] | undefined;
    api.list(view).subscribe((list) => (received = list));
    const req = backend.expectOne(
      (r) => r.url === '/api/delegations' && r.params.get('view') === view,
    );
    expect(req.request.method).toBe('GET');
    expect(req.request.urlWithParams).toBe(`/api/delegations?view=${view}`);
    req.flush([delegation()]);
    expect(received?.[0].id).toBe('d-1');
  });

  it('GETs one delegation', () => {
    api.get('d-1').subscribe();
    const req = backend.expectOne('/api/delegations/d-1');
    expect(req.request.method).toBe('GET');
    req.flush(delegation());
  });

  it('POSTs a request to a teammate', () => {
    let created: Delegation | undefined;
    api
      .request({
        delegate: 'arjun',
        scopes: ['orders:place'],
        duration: 'PT8H',
        justification: 'Holiday cover',
      })
      .subscribe((d) => (created = d));
    const req = backend.expectOne('/api/delegations');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      delegate: 'arjun',
      scopes: ['orders:place'],
      duration: 'PT8H',
      justification: 'Holiday cover',
    });
    req.flush(delegation(), { status: 201, statusText: 'Created' });
    expect(created?.state).toBe('AWAITING_MFA');
  });

  it('POSTs a request to a new bot', () => {
    api
      .request({
        bot: { name: 'nightly-report' },
        scopes: ['reports:read'],
        duration: 'P1D',
        justification: 'Reports',
      })
      .subscribe();
    const req = backend.expectOne('/api/delegations');
    expect(req.request.body).toEqual({
      bot: { name: 'nightly-report' },
      scopes: ['reports:read'],
      duration: 'P1D',
      justification: 'Reports',
    });
    req.flush(delegation({ delegate: null, bot: { name: 'nightly-report', clientId: 'bot-1' } }));
  });

  it('POSTs confirm-mfa and revoke', () => {
    api.confirmMfa('d-1').subscribe();
    const confirm = backend.expectOne('/api/delegations/d-1/confirm-mfa');
    expect(confirm.request.method).toBe('POST');
    confirm.flush(delegation({ state: 'AWAITING_APPROVAL' }));

    api.revoke('d-1').subscribe();
    const revoke = backend.expectOne('/api/delegations/d-1/revoke');
    expect(revoke.request.method).toBe('POST');
    revoke.flush(delegation({ state: 'REVOKED' }));
  });

  it('POSTs the bot secret token in the body (never in the URL)', () => {
    let received: BotSecret | undefined;
    api.redeemBotSecret('tok-123').subscribe((s) => (received = s));
    const req = backend.expectOne('/api/delegations/bot-secret');
    expect(req.request.method).toBe('POST');
    expect(req.request.urlWithParams).toBe('/api/delegations/bot-secret');
    expect(req.request.body).toEqual({ token: 'tok-123' });
    req.flush({ clientId: 'bot-1', clientSecret: 's3cr3t' });
    expect(received).toEqual({ clientId: 'bot-1', clientSecret: 's3cr3t' });
  });
});
