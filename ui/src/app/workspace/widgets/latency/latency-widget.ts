import { DecimalPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { forkJoin, map, of } from 'rxjs';
import { MeStore } from '../../../core/me/me.store';
import { LatencyData, LatencyReport } from '../../api/widgets/latency';
import { LatencyWindow, WINDOWS, WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';
import { STEP_OF_WINDOW, WINDOW_LABELS, latencyChartData, pointLabel } from './latency-chart';

/**
 * latency: broker call latency p50/p95 and errors over 24 h / 7 d / 30 d against the SLA target,
 * as a chart, or as a table with the same numbers.
 */
@Component({
  selector: 'app-latency-widget',
  imports: [
    WidgetCard,
    BaseChartDirective,
    MatButtonToggleModule,
    MatSlideToggleModule,
    DecimalPipe,
    PercentPipe,
  ],
  template: `
    <app-widget-card
      title="Latency and SLA"
      [state]="poll.state()"
      [empty]="(data()?.summary?.samples ?? 0) === 0"
      emptyText="No broker calls measured in this window yet. Connect a broker: the health scan measures it every few minutes."
      (retry)="poll.refresh()"
    >
      <div class="row controls">
        <mat-button-toggle-group
          aria-label="Latency window"
          [value]="window()"
          (change)="selectWindow($event.value)"
        >
          @for (w of windows; track w) {
            <mat-button-toggle [value]="w">{{ labels[w] }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
          >Show as table</mat-slide-toggle
        >
      </div>
      @if (data(); as d) {
        @if (d.summary.samples > 0) {
          <dl class="facts">
            <dt>p50 / p95</dt>
            <dd>{{ d.summary.p50 ?? '–' }} ms / {{ d.summary.p95 ?? '–' }} ms</dd>
            <dt>SLA target</dt>
            <dd>
              p95 ≤ {{ targetMs() }} ms, errors ≤
              {{ d.summary.sla.target.errorRate | percent: '1.0-2' }}
              @if (d.summary.sla.achieved.met !== null) {
                ·
                <strong [class.warn]="!d.summary.sla.achieved.met">{{
                  d.summary.sla.achieved.met ? 'met' : 'missed'
                }}</strong>
              }
            </dd>
            <dt>Errors</dt>
            <dd>{{ d.summary.errors }} of {{ d.summary.samples | number }} calls</dd>
          </dl>
          @if (asTable()) {
            <div class="table-wrap">
              <table>
                <caption class="muted">
                  Latency per interval,
                  {{
                    labels[window()]
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">p50 (ms)</th>
                    <th scope="col">p95 (ms)</th>
                    <th scope="col">Errors</th>
                    <th scope="col">Calls</th>
                  </tr>
                </thead>
                <tbody>
                  @for (p of series(); track p.at) {
                    <tr>
                      <th scope="row">{{ label(p.at) }}</th>
                      <td>{{ p.p50 ?? '–' }}</td>
                      <td [class.warn]="p.p95 !== null && p.p95 > targetMs()">
                        {{ p.p95 ?? '–' }}
                      </td>
                      <td>{{ p.errors }}</td>
                      <td>{{ p.samples }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else if (series().length > 0) {
            <div class="chart">
              <canvas
                baseChart
                type="line"
                role="img"
                [attr.aria-label]="chartLabel()"
                [data]="chartData()"
                [options]="chartOptions"
              ></canvas>
            </div>
          }
        }
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  styles: `
    .controls {
      margin-bottom: 8px;
    }
    .chart {
      position: relative;
      height: 220px;
      max-width: 100%;
    }
    .table-wrap {
      max-height: 320px;
      overflow-y: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LatencyWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  private readonly me = inject(MeStore);
  protected readonly windows = WINDOWS;
  protected readonly labels = WINDOW_LABELS;
  protected readonly window = signal<LatencyWindow>('PT24H');
  protected readonly asTable = signal(false);
  protected readonly chartOptions: ChartConfiguration<'line'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } },
  };

  protected readonly poll = pollWidget(() => {
    const window = this.window();
    const partner = this.me.partner();
    return forkJoin({
      summary: this.api
        .widget<LatencyData>('latency', { window })
        .pipe(map((response) => response.data.summary)),
      report: partner
        ? this.api.latency(partner, window, STEP_OF_WINDOW[window])
        : of<LatencyReport | null>(null),
    });
  });
  protected readonly data = computed(() => {
    const loaded = dataOf(this.poll.state());
    return loaded ? { summary: loaded.summary, report: loaded.report } : null;
  });
  protected readonly series = computed(() => this.data()?.report?.series ?? []);
  protected readonly targetMs = computed(
    () => this.settings().p95TargetMs ?? this.data()?.summary.sla.target.p95Ms ?? 500,
  );
  protected readonly chartData = computed(() =>
    latencyChartData(this.series(), this.targetMs(), this.window()),
  );
  protected readonly chartLabel = computed(() => {
    const s = this.data()?.summary;
    return `Latency chart, ${WINDOW_LABELS[this.window()]}: p50 ${s?.p50 ?? 'none'} ms, p95 ${s?.p95 ?? 'none'} ms, SLA target ${this.targetMs()} ms. Use "Show as table" for the numbers.`;
  });

  constructor() {
    effect(() => {
      const configured = this.settings().window;
      if (configured && configured !== untracked(this.window)) {
        untracked(() => this.selectWindow(configured));
      }
    });
  }

  protected selectWindow(window: LatencyWindow): void {
    this.window.set(window);
    this.poll.refresh();
  }

  protected label(at: string): string {
    return pointLabel(at, this.window());
  }
}
