import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { map } from 'rxjs';
import { PartnerOverviewData } from '../../api/widgets/partner-overview';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** partner-overview (ops): connections, those needing action and open alerts per partner. */
@Component({
  selector: 'app-partner-overview-widget',
  imports: [WidgetCard],
  template: `
    <app-widget-card
      title="Partner overview"
      [state]="poll.state()"
      [empty]="partners().length === 0"
      emptyText="No partners yet. Add a partner on the Partners page."
      (retry)="poll.refresh()"
    >
      @if (partners().length > 0) {
        <div class="table-wrap">
          <table>
            <caption class="muted">
              Connections and open alerts per partner
            </caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Connections</th>
                <th scope="col">Need action</th>
                <th scope="col">Open alerts</th>
              </tr>
            </thead>
            <tbody>
              @for (p of partners(); track p.partner) {
                <tr>
                  <th scope="row">{{ p.partner }}</th>
                  <td>{{ p.connections }}</td>
                  <td [class.warn]="p.connectionsNeedingAction > 0">
                    {{ p.connectionsNeedingAction }}
                  </td>
                  <td [class.warn]="p.openAlerts > 0">{{ p.openAlerts }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerOverviewWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api.widget<PartnerOverviewData>('partner-overview').pipe(map((response) => response.data)),
  );
  protected readonly partners = computed(() => dataOf(this.poll.state())?.partners ?? []);
}
