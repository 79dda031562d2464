import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { GUIDES_BASE } from '../guides';
import { Block, Inline } from '../markdown';

/** Where a link inside a guide goes: another route of the app (with its section), or outside. */
interface LinkTarget {
  readonly path: string | null;
  readonly fragment: string | undefined;
  readonly external: string | null;
}

/**
 * The blocks of a guide below its title, as Angular templates (never as HTML): `##`/`###` headings under
 * their anchors, paragraphs, lists and code blocks; links to other guides stay in the app, links outside open
 * in a new tab.
 */
@Component({
  selector: 'app-guide-blocks',
  imports: [RouterLink, NgTemplateOutlet],
  template: `
    @for (block of blocks(); track $index) {
      @switch (block.kind) {
        @case ('heading') {
          @if (block.level === 3) {
            <h3 [id]="block.id">{{ block.text }}</h3>
          } @else {
            <h2 [id]="block.id">{{ block.text }}</h2>
          }
        }
        @case ('paragraph') {
          <p>
            <ng-container *ngTemplateOutlet="inlines; context: { $implicit: block.inlines }" />
          </p>
        }
        @case ('code') {
          <pre [attr.data-language]="block.language || null"><code>{{ block.text }}</code></pre>
        }
        @case ('list') {
          @if (block.ordered) {
            <ol [attr.start]="block.start === 1 ? null : block.start">
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
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
      scroll-margin-top: 16px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
      scroll-margin-top: 16px;
    }
    li {
      margin: 4px 0;
    }
    pre {
      overflow-x: auto;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuideBlocks {
  readonly blocks = input.required<readonly Block[]>();
  /** The guide these blocks come from: a link to `#section` alone stays in it. */
  readonly slug = input.required<string>();

  protected asInlines(value: unknown): readonly Inline[] {
    return value as readonly Inline[];
  }

  protected linkTarget(href: string): LinkTarget {
    if (/^https?:\/\//.test(href)) {
      return { path: null, fragment: undefined, external: href };
    }
    const [path, fragment] = href.split('#', 2);
    return {
      path: path || GUIDES_BASE + this.slug(),
      fragment: fragment || undefined,
      external: null,
    };
  }
}
