import { NgTemplateOutlet, ViewportScroller } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { CALLBACK_PATH, guideFile } from '../guides';
import { Block, Inline, parseMarkdown } from '../markdown';

/** Where a link inside a guide goes: another route of the app (with its section), or outside. */
interface LinkTarget {
  readonly path: string | null;
  readonly fragment: string | undefined;
  readonly external: string | null;
}

/** One troubleshooting guide (`/diagnostics/guides/<slug>#<section>`), rendered from its Markdown file. */
@Component({
  selector: 'app-guide-page',
  imports: [RouterLink, NgTemplateOutlet],
  template: `
    <p class="back"><a routerLink="/diagnostics">All troubleshooting guides</a></p>
    @if (guide.hasValue()) {
      <article aria-labelledby="guide-title">
        @for (block of guide.value(); track $index) {
          @switch (block.kind) {
            @case ('heading') {
              @if (block.level === 1) {
                <h1 id="guide-title">{{ block.text }}</h1>
                @if (slug() === 'redirect-uri-mismatch') {
                  <p>
                    For this workspace:
                    <code class="uri">{{ callbackUrl }}</code>
                  </p>
                }
              } @else {
                <h2 [id]="block.id">{{ block.text }}</h2>
              }
            }
            @case ('paragraph') {
              <p>
                <ng-container *ngTemplateOutlet="inlines; context: { $implicit: block.inlines }" />
              </p>
            }
            @case ('list') {
              @if (block.ordered) {
                <ol>
                  @for (item of block.items; track $index) {
                    <li>
                      <ng-container *ngTemplateOutlet="inlines; context: { $implicit: item }" />
                    </li>
                  }
                </ol>
              } @else {
                <ul>
                  @for (item of block.items; track $index) {
                    <li>
                      <ng-container *ngTemplateOutlet="inlines; context: { $implicit: item }" />
                    </li>
                  }
                </ul>
              }
            }
          }
        }
        <p><a routerLink="/credentials">Go to Credentials</a></p>
      </article>
    } @else if (guide.error()) {
      <h1>Guide not found</h1>
      <p>There is no troubleshooting guide “{{ slug() }}”.</p>
    } @else {
      <p role="status">Loading the guide…</p>
    }

    <ng-template #inlines let-inlines>
      @for (inline of asInlines(inlines); track $index) {
        @switch (inline.kind) {
          @case ('code') {
            <code>{{ inline.text }}</code>
          }
          @case ('bold') {
            <strong>{{ inline.text }}</strong>
          }
          @case ('link') {
            @let target = linkTarget(inline.href);
            @if (target.external) {
              <a [href]="target.external" target="_blank" rel="noopener">{{ inline.text }}</a>
            } @else {
              <a [routerLink]="target.path" [fragment]="target.fragment">{{ inline.text }}</a>
            }
          }
          @default {
            {{ inline.text }}
          }
        }
      }
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
      max-width: 760px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
      scroll-margin-top: 16px;
    }
    li {
      margin: 4px 0;
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

  private readonly http = inject(HttpClient);
  private readonly scroller = inject(ViewportScroller);
  private readonly fragment = toSignal(inject(ActivatedRoute).fragment);

  protected readonly callbackUrl = window.location.origin + CALLBACK_PATH;

  protected readonly guide = rxResource({
    params: () => this.slug(),
    stream: ({ params: slug }) =>
      this.http
        .get(guideFile(slug), { responseType: 'text' })
        .pipe(map((markdown): Block[] => this.validGuide(markdown))),
  });

  constructor() {
    // Open the linked section once the guide is on the page.
    afterRenderEffect(() => {
      const section = this.fragment();
      if (this.guide.hasValue() && section) {
        this.scroller.scrollToAnchor(section);
      }
    });
  }

  protected asInlines(value: unknown): readonly Inline[] {
    return value as readonly Inline[];
  }

  protected linkTarget(href: string): LinkTarget {
    if (/^https?:\/\//.test(href)) {
      return { path: null, fragment: undefined, external: href };
    }
    const [path, fragment] = href.split('#', 2);
    return {
      path: path || `/diagnostics/guides/${this.slug()}`,
      fragment: fragment || undefined,
      external: null,
    };
  }

  /** A guide starts with its title; anything else (e.g. the app's index page for a missing file) is not one. */
  private validGuide(markdown: string): Block[] {
    const blocks = parseMarkdown(markdown);
    const first = blocks[0];
    if (!first || first.kind !== 'heading' || first.level !== 1) {
      throw new Error('not a guide');
    }
    return blocks;
  }
}
