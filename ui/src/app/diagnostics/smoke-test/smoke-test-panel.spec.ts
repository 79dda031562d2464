import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SMOKE_TEST_POLL_MS, SmokeTestPanel } from './smoke-test-panel';
import { SmokeTest } from './smoke-test.models';

@Component({
  imports: [SmokeTestPanel],
  template: `<app-smoke-test partner="raja" connection="c-1" />`,
})
class Host {}

@Component({
  imports: [SmokeTestPanel],
  template: `<app-smoke-test partner="raja" [showLast]="true" />`,
})
class LastRunHost {}

const RUNNING: SmokeTest = {
  id: 'run-1',
  partner: 'raja',
  connection: 'c-1',
  state: 'RUNNING',
  requestedBy: 'raja',
  requestedAt: '2026-12-04T10:00:00Z',
  finishedAt: null,
  durationMs: null,
  steps: [
    {
      name: 'workspace',
      status: 'PASSED',
      startedAt: '2026-12-04T10:00:01Z',
      durationMs: 700,
      screenshot: 'step-1-workspace.png',
    },
    { name: 'keycloak-login', status: 'PENDING', startedAt: null, durationMs: null },
  ],
};

const FAILED: SmokeTest = {
  ...RUNNING,
  state: 'FAILED',
  finishedAt: '2026-12-04T10:00:09Z',
  durationMs: 8400,
  steps: [
    RUNNING.steps[0],
    {
      name: 'keycloak-login',
      status: 'FAILED',
      startedAt: '2026-12-04T10:00:02Z',
      durationMs: 1200,
      screenshot: 'step-2-keycloak-login.png',
      failure:
        'Keycloak refused the synthetic user\u2019s password: "Invalid username or password."',
    },
  ],
  trace: 'trace.zip',
};

describe('SmokeTestPanel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    URL.createObjectURL = vi.fn(() => 'blob:trace');
    URL.revokeObjectURL = vi.fn();
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    vi.useRealTimers();
  });

  it('starts a run, polls while it runs and shows each step with its status, duration and screenshot', async () => {
    const fixture = TestBed.createComponent(Host);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = element.querySelector('button')!;
    expect(button.textContent).toContain('Run Playwright smoke test');

    button.click();
    const start = backend.expectOne('/api/smoke-tests');
    expect(start.request.method).toBe('POST');
    expect(start.request.body).toEqual({ partner: 'raja', connection: 'c-1' });
    start.flush({ id: 'run-1', state: 'QUEUED' });

    await vi.advanceTimersByTimeAsync(0);
    backend.expectOne('/api/smoke-tests/run-1').flush(RUNNING);
    fixture.detectChanges();
    expect(element.querySelector('button')!.disabled).toBe(true);
    expect(element.querySelector('[data-step="workspace"]')!.textContent).toContain('700 ms');

    await vi.advanceTimersByTimeAsync(SMOKE_TEST_POLL_MS);
    backend.expectOne('/api/smoke-tests/run-1').flush(FAILED);
    for (const name of ['step-1-workspace.png', 'step-2-keycloak-login.png', 'trace.zip']) {
      backend
        .expectOne(`/api/smoke-tests/run-1/artifacts/${name}`)
        .flush(new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer);
    }
    fixture.detectChanges();

    expect(element.querySelector('[data-state]')!.textContent!.replace(/\s+/g, ' ')).toContain(
      'Failed in 8.4 s',
    );
    const failed = element.querySelector('[data-step="keycloak-login"]')!;
    expect(failed.getAttribute('data-status')).toBe('FAILED');
    expect(failed.textContent).toContain('Invalid username or password.');
    expect(failed.querySelector('img')!.getAttribute('alt')).toContain('secret fields masked');
    // data: URLs, which the page's content security policy allows for images (blob: it does not)
    expect(failed.querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
    expect(element.querySelector('a.trace')).not.toBeNull();
    expect(element.querySelector('button')!.disabled).toBe(false);

    await vi.advanceTimersByTimeAsync(SMOKE_TEST_POLL_MS * 2);
    backend.expectNone('/api/smoke-tests/run-1'); // no polling once finished
  });

  it("shows the partner's last run with its screenshots where asked (the Diagnostics page)", async () => {
    TestBed.configureTestingModule({ imports: [LastRunHost] });
    const fixture = TestBed.createComponent(LastRunHost);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    await vi.advanceTimersByTimeAsync(0);
    backend.expectOne('/api/smoke-tests?partner=raja').flush([FAILED]);
    backend.match(() => true).forEach((request) => request.flush(new ArrayBuffer(1)));
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-state]')!.textContent).toContain('Last smoke test: Failed');
    expect(element.querySelectorAll('li[data-step]').length).toBe(2);
  });

  it('says when the partner has no run yet', async () => {
    TestBed.configureTestingModule({ imports: [LastRunHost] });
    const fixture = TestBed.createComponent(LastRunHost);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    await vi.advanceTimersByTimeAsync(0);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Last smoke test: loading…',
    );
    backend.expectOne('/api/smoke-tests?partner=raja').flush([]);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Last smoke test: none yet.',
    );
  });

  it('shows why a run could not start (409 while another runs)', async () => {
    const fixture = TestBed.createComponent(Host);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    element.querySelector('button')!.click();
    backend.expectOne('/api/smoke-tests').flush(
      {
        type: 'https://partner-workspace/problems/smoke-test-running',
        status: 409,
        detail: 'A smoke test for this partner is queued or running; wait for it to finish.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('queued or running');
  });
});
