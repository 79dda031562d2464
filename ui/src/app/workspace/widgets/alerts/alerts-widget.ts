import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { map } from 'rxjs';
import { AlertsApi } from '../../../alerts/alerts-api';
import { problemMessage } from '../../../core/http/problem';
import { AlertsData, OpenAlertSummary } from '../../api/widgets/alerts';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'WARNING', 'MEDIUM', 'LOW', 'INFO'];

function rank(severity: string): number {
  const index = SEVERITY_ORDER.indexOf(severity.toUpperCase());
  return index < 0 ? SEVERITY_ORDER.length : index;
}

/** alerts: open alerts by severity (most severe first), acknowledged in place. */
@Component({
  selector: 'app-alerts-widget',
  imports: [WidgetCard, DatePipe, MatButtonModule],
  template: `
    <app-widget-card
      title="Open alerts"
      [state]="poll.state()"
      [empty]="alerts().length === 0"
      emptyText="No open alerts. Alerts about your connections and logins will show up here."
      (retry)="poll.refresh()"
    >
      @if (alerts().length > 0) {
        <p class="row">
          @for (s of severities(); track s.severity) {
            <span
              ><strong>{{ s.count }}</strong> {{ s.severity.toLowerCase() }}</span
            >
          }
        </p>
      }
      @if (actionError(); as message) {
        <p role="alert" class="warn">{{ message }}</p>
      }
      <ul class="list">
        @for (a of alerts(); track a.id) {
          <li class="row">
            <span class="grow">
              <strong>{{ a.severity }}</strong> · {{ a.summary }}
              <span class="muted">
                · <time [attr.datetime]="a.lastSeenAt">{{ a.lastSeenAt | date: 'short' }}</time>
                @if (a.count > 1) {
                  · {{ a.count }} times
                }
              </span>
            </span>
            @if (a.state === 'OPEN') {
              <button
                mat-stroked-button
                type="button"
                [disabled]="busyId() === a.id"
                [attr.aria-label]="'Acknowledge ' + a.summary"
                (click)="acknowledge(a)"
              >
                Acknowledge
              </button>
            } @else {
              <span class="muted">{{ a.state.toLowerCase() }}</span>
            }
          </li>
        }
      </ul>
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertsWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  private readonly alertsApi = inject(AlertsApi);
  protected readonly poll = pollWidget(() =>
    this.api
      .widget<AlertsData>('alerts', { window: this.settings().window })
      .pipe(map((response) => response.data)),
  );
  private readonly acknowledged = signal<ReadonlySet<string>>(new Set());
  protected readonly alerts = computed(() =>
    [...(dataOf(this.poll.state())?.alerts ?? [])]
      .map((a) => (this.acknowledged().has(a.id) ? { ...a, state: 'ACKNOWLEDGED' } : a))
      .sort((a, b) => rank(a.severity) - rank(b.severity)),
  );
  protected readonly severities = computed(() =>
    Object.entries(dataOf(this.poll.state())?.bySeverity ?? {})
      .map(([severity, count]) => ({ severity, count }))
      .sort((a, b) => rank(a.severity) - rank(b.severity)),
  );
  protected readonly busyId = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected acknowledge(alert: OpenAlertSummary): void {
    this.busyId.set(alert.id);
    this.actionError.set(null);
    this.alertsApi.acknowledge(alert.id).subscribe({
      next: () => {
        this.busyId.set(null);
        this.acknowledged.update((ids) => new Set([...ids, alert.id]));
        this.poll.refresh();
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.actionError.set(problemMessage(error));
      },
    });
  }
}
