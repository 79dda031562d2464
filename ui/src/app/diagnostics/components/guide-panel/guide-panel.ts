import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { GuideFiles, guideLink, sectionOf } from '../../guide-files';
import { GuideBlocks } from '../guide-blocks';

let nextId = 0;

/**
 * The guide section that explains a failure, opened beside it (a connection's failure, a doctor check, the
 * inbox's "Fix connection" task) instead of on another page: a disclosure button shows the section's steps
 * in place, and a link still opens the whole guide. A link that is not one of the app's guides is offered as
 * a plain link.
 */
@Component({
  selector: 'app-guide-panel',
  imports: [GuideBlocks, MatButtonModule, MatIconModule, RouterLink],
  template: `
    @if (link(); as target) {
      <div class="bar">
        <button
          mat-button
          type="button"
          class="toggle"
          [attr.aria-expanded]="open()"
          [attr.aria-controls]="regionId"
          (click)="open.set(!open())"
        >
          <mat-icon aria-hidden="true">{{ open() ? 'expand_less' : 'help_outline' }}</mat-icon>
          {{ open() ? 'Hide the fix' : 'How to fix this' }}
        </button>
        <a [routerLink]="path()" [fragment]="target.section ?? undefined">{{ linkLabel() }}</a>
      </div>
      <section
        class="section"
        role="region"
        [id]="regionId"
        [hidden]="!open()"
        [attr.aria-labelledby]="regionId + '-title'"
      >
        @if (open()) {
          @if (section(); as shown) {
            <p class="title" [id]="regionId + '-title'">
              @if (shown.title !== shown.guideTitle) {
                <span class="guide">{{ shown.guideTitle }}:</span> {{ shown.title }}
              } @else {
                {{ shown.title }}
              }
            </p>
            <app-guide-blocks [blocks]="shown.blocks" [slug]="target.slug" />
          } @else if (file.error()) {
            <p [id]="regionId + '-title'" role="alert">
              The guide could not be loaded; open it with the link above.
            </p>
          } @else {
            <p [id]="regionId + '-title'" role="status">Loading the guide…</p>
          }
        }
      </section>
    } @else if (guide()) {
      <a [href]="guide()" target="_blank" rel="noopener">{{ linkLabel() }}</a>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    a {
      color: inherit;
      font-weight: 500;
    }
    .section {
      margin: 8px 0 0;
      padding: 8px 16px;
      border-left: 4px solid var(--mat-sys-primary);
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    .title {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .guide {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuidePanel {
  /** The guide section to show, as the API gives it: `/diagnostics/guides/<slug>#<section>`. */
  readonly guide = input.required<string | null | undefined>();
  /** Open the section at once (e.g. in a task that is about fixing the failure). */
  readonly expanded = input(false);
  readonly linkLabel = input('Troubleshooting guide');

  private readonly files = inject(GuideFiles);
  protected readonly regionId = `guide-panel-${nextId++}`;

  protected readonly link = computed(() => guideLink(this.guide()));
  protected readonly path = computed(() => {
    const link = this.link();
    return link ? `/diagnostics/guides/${link.slug}` : null;
  });
  protected readonly open = linkedSignal(() => this.expanded());

  /** Fetched only once the panel is opened. */
  protected readonly file = rxResource({
    params: () => (this.open() ? this.link()?.slug : undefined),
    stream: ({ params: slug }) => this.files.blocks(slug),
  });
  protected readonly section = computed(() => {
    // An error state has no value (reading it throws): the template says the guide could not be loaded.
    const blocks = this.file.hasValue() ? this.file.value() : null;
    const link = this.link();
    return blocks && link ? sectionOf(blocks, link.section) : null;
  });
}
