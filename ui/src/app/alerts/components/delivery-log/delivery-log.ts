import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { AlertDelivery, CHANNEL_LABELS, OUTCOME_LABELS, levelLabel } from '../../alerts.models';

/** Who was told about an alert, how, when, and whether it reached them. */
@Component({
  selector: 'app-delivery-log',
  imports: [DatePipe],
  template: `
    <table class="log">
      <caption>
        Delivery log
      </caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col">Channel</th>
          <th scope="col">Recipient</th>
          <th scope="col">Time</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        @for (delivery of deliveries(); track $index) {
          <tr>
            <td>{{ levelLabel(delivery.level) }}</td>
            <td>{{ channelLabel(delivery) }}</td>
            <td class="recipient">{{ delivery.recipient }}</td>
            <td>
              <time [attr.datetime]="delivery.at">{{ delivery.at | date: 'medium' }}</time>
            </td>
            <td>
              <span class="outcome" [class]="'outcome outcome-' + delivery.outcome">{{
                outcomeLabel(delivery)
              }}</span>
              @if (delivery.detail) {
                <span class="detail"> — {{ delivery.detail }}</span>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td class="none" colspan="5">Nobody has been notified yet.</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    .log {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding: 0 0 4px;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 4px 12px 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 500;
    }
    .recipient {
      overflow-wrap: anywhere;
    }
    .outcome-FAILED {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .detail,
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryLog {
  readonly deliveries = input.required<readonly AlertDelivery[]>();

  protected readonly levelLabel = levelLabel;

  /** The channel's name; an unknown one as the engine spells it. */
  protected channelLabel(delivery: AlertDelivery): string {
    return CHANNEL_LABELS[delivery.channel] ?? delivery.channel;
  }

  protected outcomeLabel(delivery: AlertDelivery): string {
    return OUTCOME_LABELS[delivery.outcome] ?? delivery.outcome;
  }
}
