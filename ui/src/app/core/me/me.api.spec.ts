import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Me, MeApi } from './me.api';

describe('MeApi', () => {
  let api: MeApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(MeApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('GETs /api/me and returns the typed profile', () => {
    const body: Me = {
      username: 'nikhil',
      displayName: 'Nikhil Sharma',
      partner: 'nikhil',
      roles: ['partner'],
      acr: '1',
      authTime: '2026-11-26T05:00:00Z',
      delegations: [
        { partner: 'nikhil', scope: 'orders:place', expiresAt: '2026-11-26T13:00:00Z' },
      ],
    };
    let received: Me | undefined;
    api.me().subscribe((me) => (received = me));

    const req = backend.expectOne('/api/me');
    expect(req.request.method).toBe('GET');
    req.flush(body);

    expect(received).toEqual(body);
  });

  it('accepts null partner, acr and authTime', () => {
    let received: Me | undefined;
    api.me().subscribe((me) => (received = me));
    backend.expectOne('/api/me').flush({
      username: 'ops1',
      displayName: 'Ops One',
      partner: null,
      roles: ['ops'],
      acr: null,
      authTime: null,
      delegations: [],
    });
    expect(received?.partner).toBeNull();
    expect(received?.authTime).toBeNull();
  });
});
