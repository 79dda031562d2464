import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { countdownWords } from '../../../shared/time/time-format';
import { ApprovalsData } from '../../api/widgets/approvals';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** approvals: approvals waiting (oldest first, with age) and my median decision time. */
@Component({
  selector: 'app-approvals-widget',
  imports: [WidgetCard, MatButtonModule, RouterLink],
  template: `
    <app-widget-card
      title="Approvals waiting"
      [state]="poll.state()"
      [empty]="(data()?.waiting?.length ?? 0) === 0"
      emptyText="Nothing waiting for an approver. New requests appear here and in the Inbox."
      (retry)="poll.refresh()"
    >
      @if (data(); as d) {
        <ul class="list">
          @for (w of d.waiting; track w.taskId) {
            <li>{{ w.name }} · waiting {{ words(w.ageSeconds) }}</li>
          }
        </ul>
        <p class="muted">
          My median decision time:
          {{
            d.myMedianDecisionSeconds === null
              ? 'no decisions yet'
              : words(d.myMedianDecisionSeconds) + ' (last ' + d.decisionsCounted + ')'
          }}
        </p>
      }
      <a mat-button routerLink="/inbox">Open the inbox</a>
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalsWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api.widget<ApprovalsData>('approvals').pipe(map((response) => response.data)),
  );
  protected readonly data = computed(() => dataOf(this.poll.state()));
  protected words(seconds: number): string {
    return countdownWords(seconds);
  }
}
