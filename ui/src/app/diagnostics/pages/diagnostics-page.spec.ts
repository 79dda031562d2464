import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DiagnosedConnection, Diagnosis } from '../diagnostics.models';
import { GUIDES } from '../guides';
import { getByLabel } from '../../shared/testing/dom-queries';
import { DiagnosticsPage } from './diagnostics-page';

const CONNECTION: DiagnosedConnection = {
  id: 'c-1',
  partner: 'nitin',
  label: 'Main account',
  brokerName: 'Broker Sim (OAuth 2)',
  state: 'KEYS_REJECTED',
};

const FAILED: Diagnosis = {
  ranAt: '2026-12-04T10:00:00Z',
  durationMs: 61,
  checks: [
    {
      id: 'client-credentials',
      status: 'fail',
      title: 'Client id and secret accepted by the broker',
      evidence: 'The broker refused the client id or secret.',
      guide: '/diagnostics/guides/keys-rejected#check-the-secret',
      fix: { action: 'add-connection', label: 'Add the connection again' },
    },
    {
      id: 'redirect-uri',
      status: 'fail',
      title: 'Redirect URI registered at the broker',
      evidence: 'The broker does not accept it.',
      guide: '/diagnostics/guides/redirect-uri-mismatch#register-the-exact-uri',
      fix: {
        action: 'copy',
        label: 'Copy the exact redirect URI',
        value: 'http://localhost:8080/api/brokers/callback',
      },
    },
  ],
};

const PASSED: Diagnosis = {
  ranAt: '2026-12-04T10:05:00Z',
  durationMs: 48,
  checks: [{ ...FAILED.checks[0], status: 'pass', evidence: 'Accepted.', fix: undefined }],
};

const OTHER: DiagnosedConnection = {
  id: 'c-2',
  partner: 'raja',
  label: 'Raja main',
  brokerName: 'Broker Sim (OAuth 2)',
  state: 'ACTIVE',
};

async function render() {
  TestBed.configureTestingModule({
    imports: [DiagnosticsPage],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(DiagnosticsPage);
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne('/api/connections').flush([CONNECTION]);
  backend
    .expectOne('/api/connections/c-1/diagnoses')
    .flush([{ ...FAILED, id: 'r-1', ranBy: 'nitin' }]);
  await fixture.whenStable();
  return { element: fixture.nativeElement as HTMLElement, backend, fixture };
}

describe('DiagnosticsPage', () => {
  it('shows each connection with the last doctor result, its guide sections and fixes', async () => {
    const { element } = await render();
    const card = element.querySelector('article[aria-label="Main account"]')!;
    expect(card.textContent).toContain('Broker Sim (OAuth 2)');
    const failed = card.querySelector('[data-check="client-credentials"]')!;
    expect(failed.textContent).toContain('Fail');
    expect(failed.textContent).toContain('The broker refused the client id or secret.');
    const guide = Array.from(failed.querySelectorAll('a')).find((a) => a.textContent === 'Guide')!;
    expect(guide.getAttribute('href')).toBe('/diagnostics/guides/keys-rejected#check-the-secret');
    expect(failed.querySelector('button[aria-expanded="false"]')!.textContent).toContain(
      'How to fix this',
    );
    const redirect = card.querySelector('[data-check="redirect-uri"]')!;
    expect(redirect.querySelector('button')!.textContent).toContain('Copy the exact redirect URI');
    expect(redirect.querySelector('code')!.textContent).toBe(
      'http://localhost:8080/api/brokers/callback',
    );
  });

  it('runs the doctor again and shows the new result', async () => {
    const { element, backend, fixture } = await render();
    const button = Array.from(element.querySelectorAll('button')).find((b) =>
      b.textContent!.includes('Run OAuth doctor'),
    )!;
    button.click();
    fixture.detectChanges();
    expect(button.textContent).toContain('Running');
    backend.expectOne({ method: 'POST', url: '/api/connections/c-1/diagnose' }).flush(PASSED);
    backend.expectOne('/api/connections/c-1/diagnoses').flush([
      { ...PASSED, id: 'r-2', ranBy: 'nitin' },
      { ...FAILED, id: 'r-1', ranBy: 'nitin' },
    ]);
    await fixture.whenStable();
    expect(element.querySelector('.history summary')!.textContent).toContain('the last 2 runs');
    const check = element.querySelector('[data-check="client-credentials"]')!;
    expect(check.textContent).toContain('Pass');
    expect(check.textContent).toContain('Accepted.');
  });

  it('links every guide', async () => {
    const { element } = await render();
    const links = Array.from(element.querySelectorAll('section.guides li a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(GUIDES.map((guide) => `/diagnostics/guides/${guide.slug}`));
  });

  it('keeps the history of runs, each with what failed, by whom and its result', async () => {
    const { element } = await render();
    const history = element.querySelector('article[aria-label="Main account"] details.history')!;
    expect(history.querySelector('summary')!.textContent).toContain('History: the last 1 runs');
    const run = history.querySelector('[data-run="r-1"]')!;
    expect(run.querySelector('summary')!.textContent).toContain('by nitin: 2 failed');
    expect(run.querySelector('time')!.getAttribute('datetime')).toBe(FAILED.ranAt);
    expect(run.querySelector('[data-check="redirect-uri"]')).not.toBeNull();
  });

  it("marks the place of the partner's last smoke test", async () => {
    const { element } = await render();
    const smoke = element.querySelector('[data-smoke-test-for="nitin"]')!;
    expect(smoke.textContent).toContain('Last smoke test');
  });

  it('groups every partner for ops and narrows to one', async () => {
    TestBed.configureTestingModule({
      imports: [DiagnosticsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(DiagnosticsPage);
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/connections').flush([CONNECTION, OTHER]);
    backend.expectOne('/api/connections/c-1/diagnoses').flush([]);
    backend.expectOne('/api/connections/c-2/diagnoses').flush([]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const headings = () => Array.from(element.querySelectorAll('h3')).map((h) => h.textContent);
    expect(headings()).toEqual(['Partner nitin', 'Partner raja']);

    const select = getByLabel(element, 'Partner') as HTMLSelectElement;
    select.value = 'raja';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(headings()).toEqual(['Partner raja']);
    expect(element.querySelector('article[aria-label="Main account"]')).toBeNull();
    expect(element.querySelector('article[aria-label="Raja main"]')).not.toBeNull();
  });

  it('runs the doctor at once on the connection whose failure sent the user here', async () => {
    TestBed.configureTestingModule({
      imports: [DiagnosticsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(DiagnosticsPage);
    fixture.componentRef.setInput('connection', 'c-1');
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/connections').flush([CONNECTION, OTHER]);
    backend.expectOne({ method: 'POST', url: '/api/connections/c-1/diagnose' }).flush(FAILED);
    backend.expectNone({ method: 'POST', url: '/api/connections/c-2/diagnose' });
    backend.match('/api/connections/c-1/diagnoses').forEach((r) => r.flush([]));
    backend.expectOne('/api/connections/c-2/diagnoses').flush([]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const article = element.querySelector('#connection-c-1')!;
    expect(article.querySelector('[data-check="client-credentials"]')!.textContent).toContain(
      'Fail',
    );
  });
});
