import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOWS_OWN_ERRORS } from '../core/http/shows-own-errors';
import { AlertsApi } from './alerts-api';
import { Alert } from './alerts.models';
import { acknowledged, alert, resolved } from './testing/alert-fixtures';

describe('AlertsApi', () => {
  let api: AlertsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(AlertsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('GETs the alerts', () => {
    let received: Alert[] | undefined;
    api.list().subscribe((alerts) => (received = alerts));
    const req = backend.expectOne('/api/alerts');
    expect(req.request.method).toBe('GET');
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush([alert(), resolved({ id: 'a-0' })]);
    expect(received?.map((a) => a.id)).toEqual(['a-1', 'a-0']);
  });

  it('POSTs an acknowledgement with its reason, trimmed, and the id escaped', () => {
    let answered: Alert | undefined;
    api.acknowledge('a 1', '  Looking into it ').subscribe((a) => (answered = a));
    const req = backend.expectOne('/api/alerts/a%201/ack');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ reason: 'Looking into it' });
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(acknowledged({ acknowledgeReason: 'Looking into it' }));
    expect(answered?.state).toBe('ACKNOWLEDGED');
  });

  it.each([undefined, '', '   '])('POSTs an acknowledgement without a reason (%j)', (reason) => {
    api.acknowledge('a-1', reason).subscribe();
    const req = backend.expectOne('/api/alerts/a-1/ack');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({});
    req.flush(acknowledged());
  });

  it('POSTs resolve without a body', () => {
    let answered: Alert | undefined;
    api.resolve('a-1').subscribe((a) => (answered = a));
    const req = backend.expectOne('/api/alerts/a-1/resolve');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBeNull();
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(resolved());
    expect(answered?.state).toBe('RESOLVED');
  });

  it('POSTs a test alert with partner and severity', () => {
    let created: Alert | undefined;
    api.raiseTest({ partner: 'nitin', severity: 'WARNING' }).subscribe((a) => (created = a));
    const req = backend.expectOne('/api/alerts/test');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ partner: 'nitin', severity: 'WARNING' });
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(alert({ id: 'a-9', type: 'test', severity: 'WARNING' }), {
      status: 201,
      statusText: 'Created',
    });
    expect(created?.id).toBe('a-9');
  });
});
