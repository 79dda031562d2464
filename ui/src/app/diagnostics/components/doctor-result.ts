import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CheckStatus, Diagnosis } from '../diagnostics.models';
import { GuidePanel } from './guide-panel/guide-panel';

const STATUS_WORDS: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  skipped: 'Skipped',
};

/**
 * One doctor run: each check with its status, evidence, a one-click fix where one exists, and the guide section
 * that explains it, opened beside the check.
 */
@Component({
  selector: 'app-doctor-result',
  imports: [CdkCopyToClipboard, DatePipe, GuidePanel, RouterLink],
  template: `
    <p class="ran">
      Ran {{ diagnosis().ranAt | date: 'medium' }} in {{ diagnosis().durationMs }} ms
    </p>
    <ul class="checks">
      @for (check of diagnosis().checks; track check.id) {
        <li [class]="check.status" [attr.data-check]="check.id">
          <p class="title">
            <span class="status">{{ statusWord(check.status) }}</span>
            <span>{{ check.title }}</span>
          </p>
          <p class="evidence">{{ check.evidence }}</p>
          @if (check.fix; as fix) {
            <p class="actions">
              @if (fix.value) {
                <button type="button" [cdkCopyToClipboard]="fix.value">{{ fix.label }}</button>
                <code>{{ fix.value }}</code>
              } @else {
                <a routerLink="/credentials">{{ fix.label }}</a>
              }
            </p>
          }
          <app-guide-panel [guide]="check.guide" linkLabel="Guide" />
        </li>
      }
    </ul>
  `,
  styles: `
    .checks {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      border-left: 4px solid var(--mat-sys-outline-variant);
      padding: 4px 12px;
      margin: 8px 0;
    }
    li.fail {
      border-color: var(--mat-sys-error);
    }
    li.warn {
      border-color: var(--mat-sys-tertiary);
    }
    li.pass {
      border-color: var(--mat-sys-primary);
    }
    .title {
      display: flex;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .evidence {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin: 0 0 4px;
    }
    .ran {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorResult {
  readonly diagnosis = input.required<Diagnosis>();

  protected statusWord(status: CheckStatus): string {
    return STATUS_WORDS[status];
  }
}
