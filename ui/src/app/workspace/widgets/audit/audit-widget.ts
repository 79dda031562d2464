import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AuditData } from '../../api/widgets/audit';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** audit: the most recent audit entries the caller may see. */
@Component({
  selector: 'app-audit-widget',
  imports: [WidgetCard, DatePipe, MatButtonModule, RouterLink],
  template: `
    <app-widget-card
      title="Recent activity"
      [state]="poll.state()"
      [empty]="entries().length === 0"
      emptyText="Nothing recorded in this window yet. Choose a longer window in the widget settings."
      (retry)="poll.refresh()"
    >
      <ul class="list">
        @for (e of entries(); track e.id) {
          <li>
            <time [attr.datetime]="e.at" class="muted">{{ e.at | date: 'short' }}</time>
            · {{ e.actor }} · {{ e.action }} · {{ e.target }}
          </li>
        }
      </ul>
      <a mat-button routerLink="/audit">Open the audit log</a>
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api
      .widget<AuditData>('audit', { window: this.settings().window })
      .pipe(map((response) => response.data)),
  );
  protected readonly entries = computed(() => dataOf(this.poll.state())?.entries ?? []);
}
