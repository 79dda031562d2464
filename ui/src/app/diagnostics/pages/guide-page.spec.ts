import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { accessibleText } from '../../shared/testing/dom-queries';
import { parseMarkdown } from '../markdown';
import { GuidePage } from './guide-page';

const KEYS_REJECTED = `# Keys rejected

The broker refused the client ID.

## Check the secret {#check-the-secret}

1. Run the doctor on the connection. Its \`client-credentials\` check asks
   the broker's token endpoint.
2. Add the connection again.

## Good to know {#good-to-know}

- Not a reason to regenerate keys: see [Connection expired](/diagnostics/guides/connection-expired#reconnect)
  or [above](#check-the-secret), and **never** [outside](https://example.com/x).
`;

async function renderGuide(slug: string, markdown: string | null) {
  TestBed.configureTestingModule({
    imports: [GuidePage],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(GuidePage);
  fixture.componentRef.setInput('slug', slug);
  fixture.detectChanges();
  const request = TestBed.inject(HttpTestingController).expectOne(`/guides/${slug}.md`);
  if (markdown === null) {
    request.flush('not found', { status: 404, statusText: 'Not Found' });
  } else {
    request.flush(markdown);
  }
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('GuidePage', () => {
  it('renders the guide file with its sections under their anchors', async () => {
    const element = await renderGuide('keys-rejected', KEYS_REJECTED);
    expect(accessibleText(element.querySelector('h1')!)).toBe('Keys rejected');
    expect(Array.from(element.querySelectorAll('h2')).map((h) => h.id)).toEqual([
      'check-the-secret',
      'good-to-know',
    ]);
    const steps = element.querySelectorAll('ol li');
    expect(steps.length).toBe(2);
    expect(steps[0].textContent).toContain('asks the broker');
    expect(steps[0].querySelector('code')!.textContent).toBe('client-credentials');
    expect(element.querySelector('ul strong')!.textContent).toBe('never');
  });

  it('links other guides by route and section, and the outside in a new tab', async () => {
    const element = await renderGuide('keys-rejected', KEYS_REJECTED);
    const links = Array.from(element.querySelectorAll('article ul a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/diagnostics/guides/connection-expired#reconnect',
      '/diagnostics/guides/keys-rejected#check-the-secret',
      'https://example.com/x',
    ]);
    expect(links[2].getAttribute('target')).toBe('_blank');
  });

  it('gives the exact redirect URI on the redirect URI guide', async () => {
    const element = await renderGuide(
      'redirect-uri-mismatch',
      '# Redirect URI mismatch\n\nText.\n',
    );
    expect(element.textContent).toContain(window.location.origin + '/api/brokers/callback');
  });

  it('says when there is no such guide', async () => {
    const element = await renderGuide('nope', null);
    expect(accessibleText(element.querySelector('h1')!)).toBe('Guide not found');
  });

  it('does not take the app page served for an unknown file as a guide', async () => {
    const element = await renderGuide('nope', '<!doctype html><html></html>');
    expect(accessibleText(element.querySelector('h1')!)).toBe('Guide not found');
  });
});

describe('parseMarkdown', () => {
  it('never turns markup in a guide into elements', () => {
    const blocks = parseMarkdown('# T\n\n<img src=x onerror=alert(1)> text\n');
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      inlines: [{ kind: 'text', text: '<img src=x onerror=alert(1)> text' }],
    });
  });

  it('keeps a fenced block whole, as code, with its language', () => {
    const blocks = parseMarkdown(
      '# T\n\n```http test\nGET /api/connections\n\nAuthorization: Bearer <token>\n```\n\n### Then {#then}\n',
    );
    expect(blocks[1]).toEqual({
      kind: 'code',
      language: 'http',
      text: 'GET /api/connections\n\nAuthorization: Bearer <token>',
    });
    expect(blocks[2]).toEqual({ kind: 'heading', level: 3, id: 'then', text: 'Then' });
  });

  it('goes on counting a numbered list interrupted by a code block', () => {
    const blocks = parseMarkdown('# T\n\n1. One\n\n```bash\nls\n```\n\n2. Two\n');
    expect(blocks.map((b) => (b.kind === 'list' ? b.start : b.kind))).toEqual([
      'heading',
      1,
      'code',
      2,
    ]);
  });
});
