import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CALLBACK_PATH, findGuide } from '../guides';

/** One troubleshooting guide (`/diagnostics/guides/<slug>`). */
@Component({
  selector: 'app-guide-page',
  imports: [RouterLink],
  template: `
    <p class="back"><a routerLink="/diagnostics">All troubleshooting guides</a></p>
    @if (guide(); as guide) {
      <article aria-labelledby="guide-title">
        <h1 id="guide-title">{{ guide.title }}</h1>
        <p class="summary">{{ guide.summary }}</p>
        @if (guide.slug === 'redirect-uri-mismatch') {
          <p>
            For this workspace:
            <code class="uri">{{ callbackUrl }}</code>
          </p>
        }
        <h2>Common causes</h2>
        <ul>
          @for (cause of guide.causes; track cause) {
            <li>{{ cause }}</li>
          }
        </ul>
        <h2>What to do</h2>
        <ol>
          @for (step of guide.steps; track step) {
            <li>{{ step }}</li>
          }
        </ol>
        @if (guide.notes?.length) {
          <h2>Good to know</h2>
          <ul>
            @for (note of guide.notes; track note) {
              <li>{{ note }}</li>
            }
          </ul>
        }
        <p><a routerLink="/credentials">Go to Credentials</a></p>
      </article>
    } @else {
      <h1>Guide not found</h1>
      <p>There is no troubleshooting guide “{{ slug() }}”.</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 760px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .summary {
      font: var(--mat-sys-body-large);
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

  protected readonly guide = computed(() => findGuide(this.slug()));
  protected readonly callbackUrl = window.location.origin + CALLBACK_PATH;
}
