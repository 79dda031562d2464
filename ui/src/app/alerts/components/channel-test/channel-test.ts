import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { finalize } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { AlertsApi } from '../../alerts-api';
import {
  CHANNELS,
  CHANNEL_LABELS,
  ChannelTestResult,
  DeliveryChannel,
  OUTCOME_LABELS,
} from '../../alerts.models';

/** The button text per channel ("Send test email", ...). */
export const TEST_BUTTON_LABELS: Readonly<Record<DeliveryChannel, string>> = {
  email: 'Send test email',
  slack: 'Send test Slack message',
  sms: 'Send test SMS',
};

/**
 * Sends a test message on one channel or all of them, to the saved addresses, and shows where
 * each went and whether it arrived (also a fallback, e.g. an SMS sent because the email failed).
 */
@Component({
  selector: 'app-channel-test',
  imports: [MatButtonModule],
  template: `
    <section class="channel-test" aria-labelledby="channel-test-title">
      <h3 id="channel-test-title">Test the channels</h3>
      <p class="note">
        Tests go to the saved addresses.
        @if (unsaved()) {
          <strong>Save your changes first to test them.</strong>
        }
      </p>
      <div class="buttons">
        @for (channel of channels; track channel) {
          <button mat-stroked-button type="button" [disabled]="testing()" (click)="test([channel])">
            {{ buttonLabels[channel] }}
          </button>
        }
        <button mat-stroked-button type="button" [disabled]="testing()" (click)="test(channels)">
          Test all channels
        </button>
      </div>

      <div class="report" role="status">
        @if (results(); as results) {
          <p class="report-title">Test results</p>
          @if (results.length) {
            <ul>
              @for (result of results; track $index) {
                <li [attr.data-outcome]="result.outcome">
                  {{ where(result) }}:
                  <span [class]="'outcome outcome-' + result.outcome">{{
                    outcomeLabel(result)
                  }}</span>
                  @if (result.detail) {
                    <span class="detail"> — {{ result.detail }}</span>
                  }
                </li>
              }
            </ul>
          } @else {
            <p class="none">Nothing was sent: no address is set up for that channel.</p>
          }
        }
      </div>
      @if (error(); as message) {
        <p class="error" role="alert">The test could not be sent: {{ message }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .note,
    .detail,
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      margin: 0 0 8px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .report-title {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    ul {
      margin: 0;
      padding-inline-start: 20px;
    }
    li {
      overflow-wrap: anywhere;
    }
    .outcome {
      font-weight: 500;
    }
    .outcome-FAILED,
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelTest {
  private readonly api = inject(AlertsApi);
  private readonly destroyRef = inject(DestroyRef);

  /** True while the form has changes that are not saved (the test uses the saved ones). */
  readonly unsaved = input(false);

  protected readonly channels = CHANNELS;
  protected readonly buttonLabels = TEST_BUTTON_LABELS;
  protected readonly testing = signal(false);
  /** The report of the last test; null before the first one. */
  protected readonly results = signal<readonly ChannelTestResult[] | null>(null);
  protected readonly error = signal<string | null>(null);

  protected test(channels: readonly DeliveryChannel[]): void {
    if (this.testing()) {
      return;
    }
    this.testing.set(true);
    this.error.set(null);
    this.results.set(null);
    this.api
      .testChannels(channels)
      .pipe(
        finalize(() => this.testing.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => this.results.set(report.results ?? []),
        error: (error: unknown) => this.error.set(problemMessage(error)),
      });
  }

  /** `Email to a@x.test`, or the channel alone when nobody was addressed. */
  protected where(result: ChannelTestResult): string {
    const channel = CHANNEL_LABELS[result.channel] ?? result.channel;
    return result.recipient ? `${channel} to ${result.recipient}` : channel;
  }

  protected outcomeLabel(result: ChannelTestResult): string {
    return OUTCOME_LABELS[result.outcome] ?? result.outcome;
  }
}
