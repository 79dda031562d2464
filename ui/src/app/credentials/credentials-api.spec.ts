import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOWS_OWN_ERRORS } from '../core/http/shows-own-errors';
import { CredentialsApi } from './credentials-api';
import {
  Broker,
  Connection,
  OpenedShare,
  RevealedSecret,
  ShareCodeSent,
  ShareLink,
} from './credentials.models';
import { BROKERS, connection } from './testing/connection-fixtures';

describe('CredentialsApi', () => {
  let api: CredentialsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(CredentialsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('GETs the brokers', () => {
    let received: Broker[] | undefined;
    api.brokers().subscribe((b) => (received = b));
    const req = backend.expectOne('/api/brokers');
    expect(req.request.method).toBe('GET');
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(BROKERS);
    expect(received).toEqual(BROKERS);
  });

  it('GETs the connections and one connection with its id escaped', () => {
    let list: Connection[] | undefined;
    api.list().subscribe((c) => (list = c));
    const all = backend.expectOne('/api/connections');
    expect(all.request.method).toBe('GET');
    expect(all.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    all.flush([connection()]);
    expect(list?.[0].id).toBe('c-1');

    api.get('c 1').subscribe();
    const one = backend.expectOne('/api/connections/c%201');
    expect(one.request.method).toBe('GET');
    expect(one.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    one.flush(connection());
  });

  it('POSTs a new connection with its keys', () => {
    let created: Connection | undefined;
    const body = { broker: 'kite', label: 'Main', apiKey: 'key-1234', apiSecret: 's3cr3t' };
    api.create(body).subscribe((c) => (created = c));
    const req = backend.expectOne('/api/connections');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(
      connection({ state: 'AWAITING_AUTHORISATION', authorizationUrl: 'https://kite/login' }),
      { status: 201, statusText: 'Created' },
    );
    expect(created?.authorizationUrl).toBe('https://kite/login');
  });

  it.each(['rotate', 'revoke', 'reconnect'] as const)('POSTs %s without a body', (action) => {
    let answered: Connection | undefined;
    api[action]('c-1').subscribe((c) => (answered = c));
    const req = backend.expectOne(`/api/connections/c-1/${action}`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBeNull();
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    req.flush(connection(), { status: 202, statusText: 'Accepted' });
    expect(answered?.id).toBe('c-1');
  });

  it('POSTs reveal and returns the values', () => {
    let received: RevealedSecret | undefined;
    api.reveal('c-1').subscribe((r) => (received = r));
    const req = backend.expectOne('/api/connections/c-1/reveal');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBeNull();
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    const answer: RevealedSecret = {
      values: { apiKey: 'key-1234', apiSecret: 's3cr3t' },
      shownForSeconds: 30,
    };
    req.flush(answer);
    expect(received).toEqual(answer);
  });

  it('POSTs a share with recipient and ttl', () => {
    let received: ShareLink | undefined;
    api.share('c-1', { recipient: 'arjun', ttl: 'PT15M' }).subscribe((s) => (received = s));
    const req = backend.expectOne('/api/connections/c-1/share');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ recipient: 'arjun', ttl: 'PT15M' });
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    const link = { url: 'https://w/share/tok', recipient: 'arjun', expiresAt: '2026-11-26T05:15Z' };
    req.flush(link, { status: 201, statusText: 'Created' });
    expect(received).toEqual(link);
  });

  it('POSTs the public share calls with the token escaped', () => {
    let sent: ShareCodeSent | undefined;
    api.requestShareCode('t/k').subscribe((s) => (sent = s));
    const code = backend.expectOne('/api/shares/t%2Fk/code');
    expect(code.request.method).toBe('POST');
    expect(code.request.body).toBeNull();
    expect(code.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    code.flush(
      { recipientHint: 'a•••@example.com', codeExpiresAt: '2026-11-26T05:10:00Z' },
      { status: 202, statusText: 'Accepted' },
    );
    expect(sent?.recipientHint).toBe('a•••@example.com');

    let opened: OpenedShare | undefined;
    api.openShare('tok', '123456').subscribe((o) => (opened = o));
    const open = backend.expectOne('/api/shares/tok/open');
    expect(open.request.method).toBe('POST');
    expect(open.request.body).toEqual({ code: '123456' });
    expect(open.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    open.flush({ label: 'Main', broker: 'kite', values: { apiKey: 'k', apiSecret: 's' } });
    expect(opened?.label).toBe('Main');
  });
});
