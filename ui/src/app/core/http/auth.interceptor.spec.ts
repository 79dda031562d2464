import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../auth/auth.service';
import { ApiErrorHandler } from './api-error-handler';
import { authInterceptor, isProtectedApiUrl } from './auth.interceptor';
import { showsOwnErrors } from './shows-own-errors';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const auth = {
    accessToken: vi.fn(() => 'access-123'),
    loginAfterUnauthorized: vi.fn(() => true),
  };
  const errors = { handle: vi.fn() };

  beforeEach(() => {
    vi.clearAllMocks();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: auth },
        { provide: ApiErrorHandler, useValue: errors },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to /api/me', () => {
    http.get('/api/me').subscribe();
    const req = backend.expectOne('/api/me');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-123');
    req.flush({});
  });

  it('does not add a token to /api/ui-config', () => {
    http.get('/api/ui-config').subscribe();
    const req = backend.expectOne('/api/ui-config');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({});
  });

  it('neither adds a token to the public share calls nor logs in on their 401', () => {
    http.post('/api/shares/tok/code', null).subscribe({ error: () => undefined });
    const req = backend.expectOne('/api/shares/tok/code');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(auth.loginAfterUnauthorized).not.toHaveBeenCalled();
  });

  it('neither adds a token to the public alert link calls nor logs in on their 401', () => {
    http.get('/api/alert-links/tok').subscribe({ error: () => undefined });
    const open = backend.expectOne('/api/alert-links/tok');
    expect(open.request.headers.has('Authorization')).toBe(false);
    open.flush(null, { status: 401, statusText: 'Unauthorized' });
    http.post('/api/alert-links/tok/ack', {}).subscribe({ error: () => undefined });
    const ack = backend.expectOne('/api/alert-links/tok/ack');
    expect(ack.request.headers.has('Authorization')).toBe(false);
    ack.flush(null, { status: 410, statusText: 'Gone' });
    expect(auth.loginAfterUnauthorized).not.toHaveBeenCalled();
    expect(errors.handle).not.toHaveBeenCalled();
  });

  it('does not add a token to non-API URLs', () => {
    http.get('/assets/x.json').subscribe();
    const req = backend.expectOne('/assets/x.json');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({});
  });

  it('starts a login on 401 without showing a snackbar', () => {
    http.get('/api/me').subscribe({ error: () => undefined });
    backend.expectOne('/api/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(auth.loginAfterUnauthorized).toHaveBeenCalled();
    expect(errors.handle).not.toHaveBeenCalled();
  });

  it('passes other errors to the error handler and rethrows them', () => {
    let failed = false;
    http.get('/api/me').subscribe({ error: () => (failed = true) });
    backend
      .expectOne('/api/me')
      .flush(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Not your partner' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(errors.handle).toHaveBeenCalledTimes(1);
    expect(failed).toBe(true);
  });

  it('leaves errors to callers that show them themselves', () => {
    let failed = false;
    http
      .post('/api/x', {}, { context: showsOwnErrors() })
      .subscribe({ error: () => (failed = true) });
    backend
      .expectOne('/api/x')
      .flush({ status: 409, detail: 'Already claimed' }, { status: 409, statusText: 'Conflict' });
    expect(errors.handle).not.toHaveBeenCalled();
    expect(failed).toBe(true);
  });

  it('still starts a login on 401 for callers that show their errors', () => {
    http.get('/api/x', { context: showsOwnErrors() }).subscribe({ error: () => undefined });
    backend.expectOne('/api/x').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(auth.loginAfterUnauthorized).toHaveBeenCalled();
  });

  it('classifies URLs', () => {
    expect(isProtectedApiUrl('/api/me')).toBe(true);
    expect(isProtectedApiUrl('/api/ui-config?x=1')).toBe(false);
    expect(isProtectedApiUrl('/apix/me')).toBe(false);
    expect(isProtectedApiUrl('/api/shares/tok/open')).toBe(false);
    expect(isProtectedApiUrl('/api/connections/c-1/share')).toBe(true);
    expect(isProtectedApiUrl('/api/alert-links/tok/ack')).toBe(false);
    expect(isProtectedApiUrl('/api/alert-preferences')).toBe(true);
    expect(isProtectedApiUrl('/api/alerts/a-1/ack')).toBe(true);
  });
});
