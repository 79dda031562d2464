import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { accessibleText } from '../../../shared/testing/dom-queries';
import { GuidePanel } from './guide-panel';

const KEYS_REJECTED = `# Keys rejected

Intro the panel does not show.

## Check the secret {#check-the-secret}

1. Run the doctor.
2. Add the connection again.

### Where the secret is {#where}

On the broker's app page.

## Key and secret swapped {#key-and-secret-swapped}

Another section.
`;

async function render(guide: string | null, expanded = false) {
  TestBed.configureTestingModule({
    imports: [GuidePanel],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(GuidePanel);
  fixture.componentRef.setInput('guide', guide);
  fixture.componentRef.setInput('expanded', expanded);
  fixture.detectChanges();
  return {
    fixture,
    element: fixture.nativeElement as HTMLElement,
    backend: TestBed.inject(HttpTestingController),
  };
}

function toggle(element: HTMLElement): HTMLButtonElement {
  return element.querySelector<HTMLButtonElement>('button.toggle')!;
}

describe('GuidePanel', () => {
  it('opens only the linked section beside the failure, and closes it again', async () => {
    const { fixture, element, backend } = await render(
      '/diagnostics/guides/keys-rejected#check-the-secret',
    );
    const button = toggle(element);
    expect(accessibleText(button)).toBe('How to fix this');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    backend.expectNone('/guides/keys-rejected.md');

    button.click();
    fixture.detectChanges();
    backend.expectOne('/guides/keys-rejected.md').flush(KEYS_REJECTED);
    await fixture.whenStable();

    const region = element.querySelector('[role="region"]')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(region.id);
    expect(region.hasAttribute('hidden')).toBe(false);
    const title = document.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(accessibleText(title)).toBe('Keys rejected: Check the secret');
    expect(Array.from(region.querySelectorAll('ol li')).map((li) => accessibleText(li))).toEqual([
      'Run the doctor.',
      'Add the connection again.',
    ]);
    expect(region.querySelector('h3')!.id).toBe('where');
    expect(region.textContent).not.toContain('Intro the panel does not show');
    expect(region.textContent).not.toContain('Another section');

    button.click();
    await fixture.whenStable();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.hasAttribute('hidden')).toBe(true);
  });

  it('still links the whole guide at the section', async () => {
    const { element } = await render('/diagnostics/guides/keys-rejected#check-the-secret');
    const link = element.querySelector('a')!;
    expect(accessibleText(link)).toBe('Troubleshooting guide');
    expect(link.getAttribute('href')).toBe('/diagnostics/guides/keys-rejected#check-the-secret');
  });

  it('is open at once when asked, and fetches a guide once for every panel', async () => {
    const { element, backend, fixture } = await render(
      '/diagnostics/guides/keys-rejected#key-and-secret-swapped',
      true,
    );
    backend.expectOne('/guides/keys-rejected.md').flush(KEYS_REJECTED);
    await fixture.whenStable();
    expect(element.querySelector('[role="region"]')!.textContent).toContain('Another section');

    const second = TestBed.createComponent(GuidePanel);
    second.componentRef.setInput('guide', '/diagnostics/guides/keys-rejected#check-the-secret');
    second.componentRef.setInput('expanded', true);
    second.detectChanges();
    await second.whenStable();
    backend.expectNone('/guides/keys-rejected.md');
    expect((second.nativeElement as HTMLElement).textContent).toContain('Run the doctor.');
  });

  it('says when the guide cannot be loaded and keeps the link', async () => {
    const { element, backend, fixture } = await render('/diagnostics/guides/nope#missing', true);
    backend
      .expectOne('/guides/nope.md')
      .flush('not found', { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('could not be loaded');
    expect(element.querySelector('a')!.getAttribute('href')).toBe(
      '/diagnostics/guides/nope#missing',
    );
  });

  it('offers a link that is not one of the app guides as a plain link', async () => {
    const { element } = await render('https://broker.example.com/help');
    expect(element.querySelector('button')).toBeNull();
    const link = element.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://broker.example.com/help');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
