import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { map } from 'rxjs';
import { injectNow } from '../../../shared/time/clock';
import { relativeText, secondsUntil } from '../../../shared/time/time-format';
import { Upcoming, UpcomingRotationsData } from '../../api/widgets/upcoming-rotations';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** upcoming-rotations: scheduled rotations and broker re-logins, soonest first. */
@Component({
  selector: 'app-upcoming-rotations-widget',
  imports: [WidgetCard, DatePipe],
  template: `
    <app-widget-card
      title="Upcoming rotations"
      [state]="poll.state()"
      [empty]="upcoming().length === 0"
      emptyText="Nothing scheduled. Connect a broker or set a rotation schedule on the Credentials page."
      (retry)="poll.refresh()"
    >
      <ul class="list">
        @for (u of upcoming(); track u.connectionId + u.kind + u.at) {
          <li>
            <strong>{{ u.kind === 'LOGIN' ? 'Re-login' : 'Rotation' }}</strong> · {{ u.label }} ({{
              u.brokerName
            }}) ·
            <time [attr.datetime]="u.at" [class.warn]="soon(u)">{{ when(u) }}</time>
            <span class="muted"> ({{ u.at | date: 'short' }})</span>
          </li>
        }
      </ul>
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UpcomingRotationsWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  private readonly now = injectNow();
  protected readonly poll = pollWidget(() =>
    this.api
      .widget<UpcomingRotationsData>('upcoming-rotations')
      .pipe(map((response) => response.data)),
  );
  protected readonly upcoming = computed(() =>
    [...(dataOf(this.poll.state())?.upcoming ?? [])].sort(
      (a, b) => Date.parse(a.at) - Date.parse(b.at),
    ),
  );
  protected when(u: Upcoming): string {
    return relativeText(u.at, this.now()) ?? '';
  }
  protected soon(u: Upcoming): boolean {
    return secondsUntil(u.at, this.now()) <= (this.settings().warnHours ?? 2) * 3600;
  }
}
