import { ViewportScroller } from '@angular/common';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { GuideBlocks } from '../components/guide-blocks';
import { GuideFiles } from '../guide-files';
import { CALLBACK_PATH } from '../guides';

/** One troubleshooting guide (`/diagnostics/guides/<slug>#<section>`), rendered from its Markdown file. */
@Component({
  selector: 'app-guide-page',
  imports: [RouterLink, GuideBlocks],
  template: `
    <p class="back"><a routerLink="/diagnostics">All troubleshooting guides</a></p>
    @if (guide.hasValue()) {
      <article aria-labelledby="guide-title">
        <h1 id="guide-title">{{ title() }}</h1>
        @if (slug() === 'redirect-uri-mismatch') {
          <p>
            For this workspace:
            <code class="uri">{{ callbackUrl }}</code>
          </p>
        }
        <app-guide-blocks [blocks]="body()" [slug]="slug()" />
        <p><a routerLink="/credentials">Go to Credentials</a></p>
      </article>
    } @else if (guide.error()) {
      <h1>Guide not found</h1>
      <p>There is no troubleshooting guide “{{ slug() }}”.</p>
    } @else {
      <p role="status">Loading the guide…</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 760px;
    }
    .uri {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuidePage {
  /** Route parameter. */
  readonly slug = input.required<string>();

  private readonly files = inject(GuideFiles);
  private readonly scroller = inject(ViewportScroller);
  private readonly fragment = toSignal(inject(ActivatedRoute).fragment);

  protected readonly callbackUrl = window.location.origin + CALLBACK_PATH;

  protected readonly guide = rxResource({
    params: () => this.slug(),
    stream: ({ params: slug }) => this.files.blocks(slug),
  });

  protected readonly title = computed(() => {
    const first = this.guide.value()?.[0];
    return first?.kind === 'heading' ? first.text : '';
  });
  protected readonly body = computed(() => this.guide.value()?.slice(1) ?? []);

  constructor() {
    // Open the linked section once the guide is on the page.
    afterRenderEffect(() => {
      const section = this.fragment();
      if (this.guide.hasValue() && section) {
        this.scroller.scrollToAnchor(section);
      }
    });
  }
}
