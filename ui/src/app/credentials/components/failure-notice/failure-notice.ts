import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { GuidePanel } from '../../../diagnostics/components/guide-panel/guide-panel';
import { ConnectionFailure } from '../../credentials.models';

/** Why a connection does not work, with the guide section that explains it opened beside it. */
@Component({
  selector: 'app-failure-notice',
  imports: [MatIconModule, GuidePanel],
  template: `
    <div class="failure">
      <p class="title">
        <mat-icon aria-hidden="true">error</mat-icon><span>{{ failure().title }}</span>
      </p>
      <p class="detail">{{ failure().detail }}</p>
      <app-guide-panel [guide]="failure().guide" />
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailureNotice {
  readonly failure = input.required<Pick<ConnectionFailure, 'title' | 'detail' | 'guide'>>();
}
