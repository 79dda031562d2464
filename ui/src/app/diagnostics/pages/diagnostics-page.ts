import { DatePipe, ViewportScroller } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  inject,
  input,
  Injector,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { DiagnosticsApi } from '../diagnostics-api';
import { DiagnosedConnection, Diagnosis, DiagnosisRun } from '../diagnostics.models';
import { DoctorResult } from '../components/doctor-result';
import { GUIDES } from '../guides';
import { SmokeTestPanel } from '../smoke-test/smoke-test-panel';

/** What the page knows of one connection's doctor: its last result, its kept runs, whether a run is going. */
interface DoctorState {
  readonly running: boolean;
  readonly last: Diagnosis | null;
  readonly history: readonly DiagnosisRun[];
  readonly error: string | null;
}

/** The connections of one partner, with the place of the partner's last smoke test. */
interface PartnerGroup {
  readonly partner: string;
  readonly connections: readonly DiagnosedConnection[];
}

const IDLE: DoctorState = { running: false, last: null, history: [], error: null };
const ALL = '';

/**
 * The partner's connections with the OAuth doctor's last result, a button to run it again and the kept runs
 * (the last 20), grouped by partner with the partner's last smoke test; ops see every partner and may narrow
 * the page to one. Below, the troubleshooting guides and the onboarding guide.
 */
@Component({
  selector: 'app-diagnostics-page',
  imports: [
    DatePipe,
    DoctorResult,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    SmokeTestPanel,
  ],
  template: `
    <h1>Diagnostics</h1>
    <p class="intro">
      The OAuth doctor checks a broker connection: redirect URI, client credentials, clock offset,
      token state, scopes, reachability and the static address. Each result opens the guide section
      that explains it.
    </p>
    @if (loadError()) {
      <p role="alert">{{ loadError() }}</p>
    }
    <section aria-labelledby="connections-title">
      <div class="section-header">
        <h2 id="connections-title">Connections</h2>
        @if (partners().length > 1) {
          <mat-form-field class="partner-filter" subscriptSizing="dynamic">
            <mat-label>Partner</mat-label>
            <select matNativeControl [value]="partnerFilter()" (change)="filterBy($event)">
              <option [value]="all">All partners</option>
              @for (partner of partners(); track partner) {
                <option [value]="partner">{{ partner }}</option>
              }
            </select>
          </mat-form-field>
        }
      </div>
      @for (group of groups(); track group.partner) {
        <section class="partner" [attr.aria-labelledby]="'partner-' + group.partner">
          <h3 [id]="'partner-' + group.partner">Partner {{ group.partner }}</h3>
          <div class="smoke-test" [attr.data-smoke-test-for]="group.partner">
            <app-smoke-test [partner]="group.partner" [showLast]="true" />
          </div>
          @for (connection of group.connections; track connection.id) {
            @let doctor = state(connection.id);
            <article
              class="connection"
              [id]="'connection-' + connection.id"
              [attr.aria-label]="connection.label"
            >
              <header>
                <h4>{{ connection.label }}</h4>
                <span class="meta">{{ connection.brokerName }} · {{ connection.state }}</span>
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="doctor.running"
                  (click)="run(connection)"
                >
                  {{ doctor.running ? 'Running…' : 'Run OAuth doctor' }}
                </button>
              </header>
              @if (doctor.error) {
                <p role="alert">{{ doctor.error }}</p>
              }
              @if (doctor.last; as last) {
                <app-doctor-result [diagnosis]="last" />
              } @else if (!doctor.running) {
                <p class="none">The doctor has not run on this connection yet.</p>
              }
              @if (doctor.history.length) {
                <details class="history">
                  <summary>History: the last {{ doctor.history.length }} runs</summary>
                  <ol class="runs" [attr.aria-label]="'Doctor runs of ' + connection.label">
                    @for (past of doctor.history; track past.id) {
                      <li>
                        <details [attr.data-run]="past.id">
                          <summary>
                            <time [attr.datetime]="past.ranAt">{{
                              past.ranAt | date: 'medium'
                            }}</time>
                            by {{ past.ranBy }}: {{ outcome(past) }}
                          </summary>
                          <app-doctor-result [diagnosis]="past" />
                        </details>
                      </li>
                    }
                  </ol>
                </details>
              }
            </article>
          }
        </section>
      } @empty {
        <p>No broker connections yet. <a routerLink="/credentials">Add one on Credentials.</a></p>
      }
    </section>
    <section class="guides" aria-labelledby="guides-title">
      <h2 id="guides-title">Troubleshooting guides</h2>
      <ul>
        @for (guide of guides; track guide.slug) {
          <li>
            <a [routerLink]="['/diagnostics/guides', guide.slug]">{{ guide.title }}</a>
          </li>
        }
      </ul>
      <p>
        New here? Read the
        <a routerLink="/diagnostics/guides/partner-onboarding">partner onboarding guide</a>: from
        your first login to an Active connection, delegations and alert channels.
      </p>
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .section-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px;
      justify-content: space-between;
    }
    .smoke-test {
      padding: 8px 12px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .smoke-test p {
      margin: 0;
    }
    .connection {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin: 12px 0;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    h4 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .meta {
      flex: 1;
    }
    .history summary {
      cursor: pointer;
      margin: 8px 0;
    }
    .runs {
      padding-left: 20px;
    }
    li {
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiagnosticsPage {
  /** Query parameter: the connection whose failure sent the user here; the doctor runs on it at once. */
  readonly connection = input<string>();

  private readonly api = inject(DiagnosticsApi);
  private readonly scroller = inject(ViewportScroller);
  private readonly injector = inject(Injector);

  protected readonly guides = GUIDES;
  protected readonly all = ALL;
  protected readonly connections = signal<readonly DiagnosedConnection[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly partnerFilter = signal(ALL);
  private readonly doctors = signal<Readonly<Record<string, DoctorState>>>({});

  /** The partners whose connections the user sees (ops: every partner with a connection). */
  protected readonly partners = computed(() =>
    [...new Set(this.connections().map((c) => c.partner))].sort(),
  );
  protected readonly groups = computed<readonly PartnerGroup[]>(() =>
    this.partners()
      .filter((partner) => this.partnerFilter() === ALL || partner === this.partnerFilter())
      .map((partner) => ({
        partner,
        connections: this.connections().filter((c) => c.partner === partner),
      })),
  );

  constructor() {
    this.api.connections().subscribe({
      next: (connections) => {
        this.connections.set(connections);
        connections.forEach((connection) => this.loadRuns(connection.id));
        this.examineRequested(connections);
      },
      error: () => this.loadError.set('The connections could not be loaded.'),
    });
  }

  protected state(id: string): DoctorState {
    return this.doctors()[id] ?? IDLE;
  }

  protected filterBy(event: Event): void {
    this.partnerFilter.set((event.target as HTMLSelectElement).value);
  }

  protected run(connection: DiagnosedConnection): void {
    this.update(connection.id, { running: true, error: null });
    this.api.diagnose(connection.id).subscribe({
      next: (diagnosis) => {
        this.update(connection.id, { running: false, last: diagnosis });
        this.loadRuns(connection.id);
      },
      error: () =>
        this.update(connection.id, { running: false, error: 'The doctor could not run.' }),
    });
  }

  private examineRequested(connections: readonly DiagnosedConnection[]): void {
    const requested = connections.find((c) => c.id === this.connection());
    if (requested) {
      this.run(requested);
      afterNextRender(() => this.scroller.scrollToAnchor('connection-' + requested.id), {
        injector: this.injector,
      });
    }
  }

  /** A run in a few words: what failed and what warned. */
  protected outcome(run: Diagnosis): string {
    const failed = run.checks.filter((c) => c.status === 'fail').length;
    const warned = run.checks.filter((c) => c.status === 'warn').length;
    if (!failed && !warned) {
      return 'all passed';
    }
    const parts = [];
    if (failed) {
      parts.push(`${failed} failed`);
    }
    if (warned) {
      parts.push(warned === 1 ? '1 warning' : `${warned} warnings`);
    }
    return parts.join(', ');
  }

  private loadRuns(id: string): void {
    this.api.runs(id).subscribe({
      next: (runs) =>
        this.update(id, { history: runs, last: this.state(id).last ?? runs[0] ?? null }),
      error: () => undefined, // the page still offers a run
    });
  }

  private update(id: string, change: Partial<DoctorState>): void {
    this.doctors.update((all) => ({ ...all, [id]: { ...(all[id] ?? IDLE), ...change } }));
  }
}
