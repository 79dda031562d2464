import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOWS_OWN_ERRORS } from '../core/http/shows-own-errors';
import { AuditApi } from './audit-api';
import { AuditPage, AuditVerification } from './audit.models';

describe('AuditApi', () => {
  let api: AuditApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(AuditApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('GETs a page with only the paging parameters when no filter is set', () => {
    const page: AuditPage = { entries: [], page: 0, size: 50, total: 0 };
    let received: AuditPage | undefined;
    api.entries({ action: '', actor: ' ', page: 0, size: 50 }).subscribe((p) => (received = p));
    const req = backend.expectOne((r) => r.url === '/api/audit');
    expect(req.request.method).toBe('GET');
    expect(req.request.urlWithParams).toBe('/api/audit?page=0&size=50');
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(page);
    expect(received).toEqual(page);
  });

  it('sends every filter', () => {
    api
      .entries({
        action: 'delegation.requested',
        actor: 'nikhil',
        from: '2026-11-26T00:00:00.000Z',
        to: '2026-11-27T00:00:00.000Z',
        page: 2,
        size: 25,
      })
      .subscribe();
    const req = backend.expectOne((r) => r.url === '/api/audit');
    const params = req.request.params;
    expect(params.get('action')).toBe('delegation.requested');
    expect(params.get('actor')).toBe('nikhil');
    expect(params.get('from')).toBe('2026-11-26T00:00:00.000Z');
    expect(params.get('to')).toBe('2026-11-27T00:00:00.000Z');
    expect(params.get('page')).toBe('2');
    expect(params.get('size')).toBe('25');
    req.flush({ entries: [], page: 2, size: 25, total: 0 });
  });

  it('GETs the verification', () => {
    let received: AuditVerification | undefined;
    api.verify().subscribe((v) => (received = v));
    const req = backend.expectOne('/api/audit/verify');
    expect(req.request.method).toBe('GET');
    req.flush({ ok: false, entries: 12, firstBrokenId: 'a-7' });
    expect(received).toEqual({ ok: false, entries: 12, firstBrokenId: 'a-7' });
  });
});
