import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { map } from 'rxjs';
import { SeedMetricsData } from '../../api/widgets/seed-metrics';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';
import {
  ONBOARDING_TARGET_MINUTES,
  decisionsChart,
  onboardingChart,
  satisfactionChart,
} from './seed-metrics-charts';

/**
 * seed-metrics (ops): the seed's success measures — time to onboard each partner, delegated-access
 * decisions per month, partner satisfaction — as charts, or as tables with the same numbers.
 */
@Component({
  selector: 'app-seed-metrics-widget',
  imports: [WidgetCard, BaseChartDirective, MatSlideToggleModule, DatePipe, DecimalPipe],
  template: `
    <app-widget-card
      title="Seed metrics"
      [state]="poll.state()"
      [empty]="empty()"
      emptyText="Nothing measured yet. Invite a partner on the Partners page: the time to onboard, approvals and survey answers show here."
      (retry)="poll.refresh()"
    >
      @if (data(); as d) {
        <div class="row controls">
          <span class="grow muted">Target: onboarded in under {{ target }} minutes</span>
          <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
            >Show as table</mat-slide-toggle
          >
        </div>
        <section aria-labelledby="seed-onboarding">
          <h3 id="seed-onboarding">Time to onboard</h3>
          @if (asTable()) {
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Partner</th>
                    <th scope="col">Invited</th>
                    <th scope="col">First Active connection</th>
                    <th scope="col">Minutes</th>
                  </tr>
                </thead>
                <tbody>
                  @for (p of d.onboarding; track p.partner) {
                    <tr>
                      <th scope="row">{{ p.partner }}</th>
                      <td>{{ p.invitedAt | date: 'short' }}</td>
                      <td>{{ p.firstActiveAt ? (p.firstActiveAt | date: 'short') : 'not yet' }}</td>
                      <td [class.warn]="p.minutes !== null && p.minutes > target">
                        {{ p.minutes ?? '–' }}
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <div class="chart">
              <canvas
                baseChart
                type="bar"
                role="img"
                [attr.aria-label]="onboardingLabel()"
                [data]="onboarding()"
                [options]="barOptions"
              ></canvas>
            </div>
          }
        </section>
        <section aria-labelledby="seed-approvals">
          <h3 id="seed-approvals">Delegated-access decisions per month</h3>
          @if (asTable()) {
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Approved</th>
                    <th scope="col">Rejected</th>
                  </tr>
                </thead>
                <tbody>
                  @for (m of d.approvalsPerMonth; track m.month) {
                    <tr>
                      <th scope="row">{{ m.month }}</th>
                      <td>{{ m.approved }}</td>
                      <td>{{ m.rejected }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <div class="chart">
              <canvas
                baseChart
                type="bar"
                role="img"
                [attr.aria-label]="decisionsLabel()"
                [data]="decisions()"
                [options]="stackedOptions"
              ></canvas>
            </div>
          }
        </section>
        <section aria-labelledby="seed-satisfaction">
          <h3 id="seed-satisfaction">Partner satisfaction</h3>
          <p>
            @if (d.satisfaction.average !== null) {
              Mean {{ d.satisfaction.average | number: '1.1-1' }} of 5 from
              {{ d.satisfaction.answers }} answer(s).
            } @else {
              No survey answers yet.
            }
          </p>
          @if (asTable()) {
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Answers</th>
                    <th scope="col">Mean score</th>
                  </tr>
                </thead>
                <tbody>
                  @for (m of d.satisfaction.byMonth; track m.month) {
                    <tr>
                      <th scope="row">{{ m.month }}</th>
                      <td>{{ m.answers }}</td>
                      <td>{{ m.average | number: '1.1-1' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else if (d.satisfaction.byMonth.length > 0) {
            <div class="chart">
              <canvas
                baseChart
                type="line"
                role="img"
                [attr.aria-label]="satisfactionLabel()"
                [data]="satisfaction()"
                [options]="scoreOptions"
              ></canvas>
            </div>
          }
        </section>
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  styles: `
    .controls {
      margin-bottom: 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .chart {
      position: relative;
      height: 180px;
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SeedMetricsWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly target = ONBOARDING_TARGET_MINUTES;
  protected readonly asTable = signal(false);
  protected readonly barOptions: ChartConfiguration<'bar'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { beginAtZero: true, title: { display: true, text: 'minutes' } } },
  };
  protected readonly stackedOptions: ChartConfiguration<'bar'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
  };
  protected readonly scoreOptions: ChartConfiguration<'line'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { min: 1, max: 5 } },
  };

  protected readonly poll = pollWidget(() =>
    this.api.widget<SeedMetricsData>('seed-metrics').pipe(map((response) => response.data)),
  );
  protected readonly data = computed(() => dataOf(this.poll.state()));
  protected readonly empty = computed(() => {
    const d = this.data();
    return (
      !!d &&
      d.onboarding.length === 0 &&
      d.approvalsPerMonth.every((m) => m.approved + m.rejected === 0) &&
      d.satisfaction.answers === 0
    );
  });
  protected readonly onboarding = computed(() => onboardingChart(this.data()?.onboarding ?? []));
  protected readonly decisions = computed(() =>
    decisionsChart(this.data()?.approvalsPerMonth ?? []),
  );
  protected readonly satisfaction = computed(() =>
    satisfactionChart(this.data()?.satisfaction.byMonth ?? []),
  );
  protected readonly onboardingLabel = computed(() => {
    const done = (this.data()?.onboarding ?? []).filter((p) => p.minutes !== null);
    const within = done.filter((p) => (p.minutes ?? 0) <= this.target).length;
    return `Time to onboard: ${within} of ${done.length} partners within ${this.target} minutes. Use "Show as table" for the numbers.`;
  });
  protected readonly decisionsLabel = computed(() => {
    const months = this.data()?.approvalsPerMonth ?? [];
    const approved = months.reduce((sum, m) => sum + m.approved, 0);
    const rejected = months.reduce((sum, m) => sum + m.rejected, 0);
    return `Delegated-access decisions over ${months.length} months: ${approved} approved, ${rejected} rejected. Use "Show as table" for the numbers.`;
  });
  protected readonly satisfactionLabel = computed(
    () =>
      `Mean satisfaction per month, latest ${this.data()?.satisfaction.byMonth.at(-1)?.average ?? 'none'} of 5. Use "Show as table" for the numbers.`,
  );
}
