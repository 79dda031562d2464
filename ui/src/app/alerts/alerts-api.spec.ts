import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOWS_OWN_ERRORS } from '../core/http/shows-own-errors';
import { AlertsApi } from './alerts-api';
import {
  Alert,
  AlertLink,
  AlertLinkAcknowledgement,
  AlertPreferencesUpdate,
  AlertPreferencesView,
  ChannelTestReport,
} from './alerts.models';
import {
  acknowledged,
  alert,
  alertLink,
  linkAcknowledged,
  silence,
  preferences,
  resolved,
  testResult,
} from './testing/alert-fixtures';

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

  describe('preferences', () => {
    const update: AlertPreferencesUpdate = {
      channels: preferences().channels,
      thresholds: preferences().thresholds,
      quietHours: null,
      escalationDelays: preferences().escalationDelays,
      mutes: [silence(), { ...silence(), id: undefined, reason: 'deploy' }],
    };

    it("GETs the user's own preferences without a partner parameter", () => {
      let received: AlertPreferencesView | undefined;
      api.preferences().subscribe((p) => (received = p));
      const req = backend.expectOne('/api/alert-preferences');
      expect(req.request.method).toBe('GET');
      expect(req.request.params.keys()).toEqual([]);
      expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
      req.flush(preferences());
      expect(received?.partner).toBe('nitin');
    });

    it("GETs another partner's preferences (ops)", () => {
      api.preferences(' raja ').subscribe();
      const req = backend.expectOne('/api/alert-preferences?partner=raja');
      expect(req.request.method).toBe('GET');
      req.flush(preferences({ partner: 'raja' }));
    });

    it('PUTs the preferences whole and answers the saved view', () => {
      let saved: AlertPreferencesView | undefined;
      api.savePreferences(update).subscribe((p) => (saved = p));
      const req = backend.expectOne('/api/alert-preferences');
      expect(req.request.method).toBe('PUT');
      expect(req.request.body).toEqual(update);
      expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
      req.flush(preferences({ customised: true }));
      expect(saved?.customised).toBe(true);
    });

    it('PUTs for a named partner', () => {
      api.savePreferences(update, 'raja').subscribe();
      const req = backend.expectOne('/api/alert-preferences?partner=raja');
      expect(req.request.method).toBe('PUT');
      req.flush(preferences({ partner: 'raja' }));
    });

    it('DELETEs the own preferences to follow the defaults again', () => {
      let reset: AlertPreferencesView | undefined;
      api.resetPreferences().subscribe((p) => (reset = p));
      const req = backend.expectOne('/api/alert-preferences');
      expect(req.request.method).toBe('DELETE');
      expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
      req.flush(preferences({ customised: false }));
      expect(reset?.customised).toBe(false);
    });

    it('POSTs a channel test with the chosen channels', () => {
      let report: ChannelTestReport | undefined;
      api.testChannels(['email', 'sms']).subscribe((r) => (report = r));
      const req = backend.expectOne('/api/alert-preferences/test');
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({ channels: ['email', 'sms'] });
      expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
      req.flush({ results: [testResult(), testResult({ channel: 'sms', outcome: 'FAILED' })] });
      expect(report?.results.map((r) => r.outcome)).toEqual(['SENT', 'FAILED']);
    });
  });

  describe('acknowledgement links', () => {
    it('GETs a link with the token escaped', () => {
      let link: AlertLink | undefined;
      api.openLink('a.b/c').subscribe((l) => (link = l));
      const req = backend.expectOne('/api/alert-links/a.b%2Fc');
      expect(req.request.method).toBe('GET');
      expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
      req.flush(alertLink());
      expect(link?.state).toBe('OPEN');
    });

    it('POSTs an acknowledgement with its reason, trimmed', () => {
      let answer: AlertLinkAcknowledgement | undefined;
      api.acknowledgeLink('tok', ' On it ').subscribe((a) => (answer = a));
      const req = backend.expectOne('/api/alert-links/tok/ack');
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({ reason: 'On it' });
      expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
      req.flush(linkAcknowledged());
      expect(answer?.state).toBe('ACKNOWLEDGED');
    });

    it('POSTs an acknowledgement without a blank reason', () => {
      api.acknowledgeLink('tok', '  ').subscribe();
      const req = backend.expectOne('/api/alert-links/tok/ack');
      expect(req.request.body).toEqual({});
      req.flush(linkAcknowledged());
    });
  });
});
