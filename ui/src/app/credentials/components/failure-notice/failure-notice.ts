import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ConnectionFailure } from '../../credentials.models';

/** Why a connection does not work, with a link to its troubleshooting guide. */
@Component({
  selector: 'app-failure-notice',
  imports: [MatIconModule, RouterLink],
  template: `
    <div class="failure">
      <p class="title">
        <mat-icon aria-hidden="true">error</mat-icon><span>{{ failure().title }}</span>
      </p>
      <p class="detail">{{ failure().detail }}</p>
      @if (guidePath(); as path) {
        <a [routerLink]="path" [fragment]="guideSection()">Troubleshooting guide</a>
      } @else if (failure().guide) {
        <a [href]="failure().guide" target="_blank" rel="noopener">Troubleshooting guide</a>
      }
    </div>
  `,
  styles: `
    .failure {
      margin: 12px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .title {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .detail {
      margin: 4px 0;
    }
    a {
      color: inherit;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailureNotice {
  readonly failure = input.required<Pick<ConnectionFailure, 'title' | 'detail' | 'guide'>>();

  /** The guide's section (its anchor, e.g. `check-the-secret`), if the link names one. */
  protected readonly guideSection = computed(
    () => this.failure().guide?.split('#', 2)[1] || undefined,
  );

  /** The guide as an app path (without query or fragment), or null when it is not one. */
  protected readonly guidePath = computed(() => {
    const guide = this.failure().guide;
    return guide?.startsWith('/') && !guide.startsWith('//') ? guide.split(/[?#]/, 1)[0] : null;
  });
}
