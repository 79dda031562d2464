import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { ALERT_STATE_LABELS, Alert, SEVERITY_LABELS, levelLabel } from '../../alerts.models';
import { AcknowledgeForm } from '../acknowledge-form/acknowledge-form';
import { DeliveryLog } from '../delivery-log/delivery-log';

/** What the user asked for on an open alert. */
export interface AcknowledgeEvent {
  readonly alert: Alert;
  readonly reason: string;
}

/**
 * One alert: severity, state, escalation level, when it was seen, who closed it, the delivery log,
 * and on an open alert the actions "Acknowledge" (with an optional reason) and "Resolve". The page
 * does the work; the card only emits what the user asked for.
 */
@Component({
  selector: 'app-alert-card',
  imports: [DatePipe, MatButtonModule, MatCardModule, AcknowledgeForm, DeliveryLog],
  templateUrl: './alert-card.html',
  styleUrl: './alert-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertCard {
  private readonly injector = inject(Injector);

  readonly alert = input.required<Alert>();
  /** True while an action on this alert is running. */
  readonly busy = input(false);

  readonly acknowledge = output<AcknowledgeEvent>();
  readonly resolve = output<Alert>();

  /** True while the reason field is shown. */
  protected readonly acknowledging = signal(false);
  private readonly ackButton = viewChild('ackButton', { read: ElementRef<HTMLButtonElement> });

  protected readonly titleId = computed(() => `alert-${this.alert().id}-title`);
  protected readonly formId = computed(() => `alert-${this.alert().id}-ack`);
  protected readonly open = computed(() => this.alert().state === 'OPEN');
  protected readonly severityLabel = computed(
    () => SEVERITY_LABELS[this.alert().severity] ?? this.alert().severity,
  );
  protected readonly stateLabel = computed(
    () => ALERT_STATE_LABELS[this.alert().state] ?? this.alert().state,
  );
  protected readonly levelLabel = computed(() =>
    levelLabel(this.alert().level, this.alert().opsLevel),
  );
  protected readonly opsLevel = computed(() => this.alert().level >= this.alert().opsLevel);

  protected toggleAcknowledge(): void {
    this.acknowledging.update((shown) => !shown);
  }

  protected confirm(reason: string): void {
    this.acknowledge.emit({ alert: this.alert(), reason });
  }

  /** Hides the reason field and gives the focus back to the button that showed it. */
  protected cancel(): void {
    this.acknowledging.set(false);
    afterNextRender(() => this.ackButton()?.nativeElement.focus(), { injector: this.injector });
  }
}
