import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { accessibleText } from '../../shared/testing/dom-queries';
import { GUIDES } from '../guides';
import { DiagnosticsPage } from './diagnostics-page';
import { GuidePage } from './guide-page';

/** The slugs failures and connection state problems link to. */
const LINKED_SLUGS = [
  'keys-rejected',
  'access-denied',
  'redirect-uri-mismatch',
  'broker-unreachable',
  'connection-expired',
  'connection-revoked',
  'awaiting-authorisation',
];

async function renderGuide(slug: string) {
  TestBed.configureTestingModule({ imports: [GuidePage], providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(GuidePage);
  fixture.componentRef.setInput('slug', slug);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('GuidePage', () => {
  it('has a guide for every linked slug', () => {
    expect(GUIDES.map((guide) => guide.slug).sort()).toEqual([...LINKED_SLUGS].sort());
  });

  it.each([
    ['keys-rejected', 'Keys rejected'],
    ['access-denied', 'Access denied'],
    ['redirect-uri-mismatch', 'Redirect URI mismatch'],
    ['broker-unreachable', 'Broker unreachable'],
    ['connection-expired', 'Connection expired'],
    ['connection-revoked', 'Connection revoked'],
    ['awaiting-authorisation', 'Awaiting authorisation'],
  ])('shows the guide %s under the heading "%s"', async (slug, title) => {
    const element = await renderGuide(slug);
    expect(accessibleText(element.querySelector('h1')!)).toBe(title);
    expect(element.querySelectorAll('ol li').length).toBeGreaterThan(0);
  });

  it('gives the exact redirect URI and the Kite cut-off', async () => {
    const redirect = await renderGuide('redirect-uri-mismatch');
    expect(redirect.textContent).toContain(window.location.origin + '/api/brokers/callback');
    TestBed.resetTestingModule();
    const expired = await renderGuide('connection-expired');
    expect(expired.textContent).toContain('06:00 IST');
    expect(expired.textContent).toContain('Reconnect');
  });

  it('says when there is no such guide', async () => {
    const element = await renderGuide('nope');
    expect(accessibleText(element.querySelector('h1')!)).toBe('Guide not found');
  });
});

describe('DiagnosticsPage', () => {
  it('links every guide', async () => {
    TestBed.configureTestingModule({ imports: [DiagnosticsPage], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(DiagnosticsPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const links = Array.from(element.querySelectorAll('section a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(LINKED_SLUGS.map((slug) => `/diagnostics/guides/${slug}`));
  });
});
