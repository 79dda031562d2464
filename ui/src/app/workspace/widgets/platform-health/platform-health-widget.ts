import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { PlatformHealthData } from '../../api/widgets/platform-health';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** platform-health (ops): Keycloak, Vault, database, SMTP, job executor, incidents, failed jobs. */
@Component({
  selector: 'app-platform-health-widget',
  imports: [WidgetCard, MatButtonModule, RouterLink],
  template: `
    <app-widget-card
      title="Platform health"
      [state]="poll.state()"
      [empty]="(data()?.components?.length ?? 0) === 0"
      emptyText="No health checks reported. Check that the engine's health endpoint is enabled."
      (retry)="poll.refresh()"
    >
      @if (data(); as d) {
        <dl class="facts">
          @for (c of d.components; track c.id) {
            <dt>{{ c.name }}</dt>
            <dd [class.warn]="c.status !== 'UP'">{{ c.status }}</dd>
          }
          <dt>Job executor</dt>
          <dd [class.warn]="!d.jobExecutorActive">
            {{ d.jobExecutorActive ? 'Active' : 'Stopped' }}
          </dd>
          <dt>Incidents</dt>
          <dd [class.warn]="d.incidents > 0">{{ d.incidents }}</dd>
          <dt>Failed jobs</dt>
          <dd [class.warn]="d.failedJobs > 0">{{ d.failedJobs }}</dd>
        </dl>
        @if (d.incidents > 0) {
          <a mat-button routerLink="/models" fragment="incidents">Review incidents</a>
        }
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlatformHealthWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api.widget<PlatformHealthData>('platform-health').pipe(map((response) => response.data)),
  );
  protected readonly data = computed(() => dataOf(this.poll.state()));
}
