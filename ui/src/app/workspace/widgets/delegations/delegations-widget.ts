import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { DelegationsData } from '../../api/widgets/delegations';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** delegations: live grants, those expiring soon, and requests waiting for someone. */
@Component({
  selector: 'app-delegations-widget',
  imports: [WidgetCard, DatePipe, MatButtonModule, RouterLink],
  template: `
    <app-widget-card
      title="Delegations"
      [state]="poll.state()"
      [empty]="isEmpty()"
      emptyText="No delegated access. Grant a teammate access on the Delegations page."
      (retry)="poll.refresh()"
    >
      @if (overview(); as o) {
        @if (!isEmpty()) {
          <dl class="facts">
            <dt>Active grants</dt>
            <dd>{{ o.active.length }}</dd>
            <dt>Expiring soon</dt>
            <dd [class.warn]="o.expiringSoon.length > 0">{{ o.expiringSoon.length }}</dd>
            <dt>Requests waiting</dt>
            <dd>{{ o.waiting.length }}</dd>
          </dl>
          <ul class="list">
            @for (g of o.expiringSoon; track g.id) {
              <li>
                {{ g.delegate }} · {{ g.scopes.join(', ') }} · ends
                <time [attr.datetime]="g.expiresAt">{{ g.expiresAt | date: 'short' }}</time>
              </li>
            }
            @for (r of o.waiting; track r.id) {
              <li>
                {{ r.delegate }} asks {{ r.scopes.join(', ') }} · waiting for
                {{ r.waitingFor === 'approvers' ? 'an approver' : 'your MFA confirmation' }}
              </li>
            }
          </ul>
        }
      }
      <a mat-button routerLink="/delegations">Open delegations</a>
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegationsWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api
      .widget<DelegationsData>('delegations', { window: this.settings().window })
      .pipe(map((response) => response.data)),
  );
  protected readonly overview = computed(() => dataOf(this.poll.state())?.overview ?? null);
  protected readonly isEmpty = computed(() => {
    const o = this.overview();
    return !!o && o.active.length + o.expiringSoon.length + o.waiting.length === 0;
  });
}
