import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DiagnosticsApi } from '../diagnostics-api';
import { DiagnosedConnection, Diagnosis } from '../diagnostics.models';
import { DoctorResult } from '../components/doctor-result';
import { GUIDES } from '../guides';
import { SmokeTestPanel } from '../smoke-test/smoke-test-panel';

/** What the page knows of one connection's doctor: its last result, and whether a run is going. */
interface DoctorState {
  readonly running: boolean;
  readonly last: Diagnosis | null;
  readonly error: string | null;
}

const IDLE: DoctorState = { running: false, last: null, error: null };

/**
 * The partner's connections with the OAuth doctor's last result and a button to run it again (ops see
 * every partner's), and the troubleshooting guides.
 */
@Component({
  selector: 'app-diagnostics-page',
  imports: [RouterLink, DoctorResult, SmokeTestPanel],
  template: `
    <h1>Diagnostics</h1>
    <p class="intro">
      The OAuth doctor checks a broker connection: redirect URI, client credentials, clock offset,
      token state, scopes, reachability and the static address. Each result links the guide section
      that explains it.
    </p>
    @if (loadError()) {
      <p role="alert">{{ loadError() }}</p>
    }
    <section aria-labelledby="connections-title">
      <h2 id="connections-title">Connections</h2>
      @for (connection of connections(); track connection.id) {
        @let doctor = state(connection.id);
        <article class="connection" [attr.aria-label]="connection.label">
          <header>
            <h3>{{ connection.label }}</h3>
            <span class="meta"
              >{{ connection.partner }} · {{ connection.brokerName }} · {{ connection.state }}</span
            >
            <button type="button" [disabled]="doctor.running" (click)="run(connection)">
              {{ doctor.running ? 'Running…' : 'Run OAuth doctor' }}
            </button>
          </header>
          @if (doctor.error) {
            <p role="alert">{{ doctor.error }}</p>
          }
          <app-smoke-test [partner]="connection.partner" [connection]="connection.id" />
          @if (doctor.last; as last) {
            <app-doctor-result [diagnosis]="last" />
          } @else if (!doctor.running) {
            <p class="none">The doctor has not run on this connection yet.</p>
          }
        </article>
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
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .meta {
      flex: 1;
    }
    li {
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiagnosticsPage {
  private readonly api = inject(DiagnosticsApi);

  protected readonly guides = GUIDES;
  protected readonly connections = signal<readonly DiagnosedConnection[]>([]);
  protected readonly loadError = signal<string | null>(null);
  private readonly doctors = signal<Readonly<Record<string, DoctorState>>>({});

  constructor() {
    this.api.connections().subscribe({
      next: (connections) => {
        this.connections.set(connections);
        connections.forEach((connection) => this.loadLastRun(connection.id));
      },
      error: () => this.loadError.set('The connections could not be loaded.'),
    });
  }

  protected state(id: string): DoctorState {
    return this.doctors()[id] ?? IDLE;
  }

  protected run(connection: DiagnosedConnection): void {
    this.update(connection.id, { running: true, error: null });
    this.api.diagnose(connection.id).subscribe({
      next: (diagnosis) => this.update(connection.id, { running: false, last: diagnosis }),
      error: () =>
        this.update(connection.id, { running: false, error: 'The doctor could not run.' }),
    });
  }

  private loadLastRun(id: string): void {
    this.api.runs(id).subscribe({
      next: (runs) => {
        if (runs.length && !this.state(id).last) {
          this.update(id, { last: runs[0] });
        }
      },
      error: () => undefined, // the page still offers a run
    });
  }

  private update(id: string, change: Partial<DoctorState>): void {
    this.doctors.update((all) => ({ ...all, [id]: { ...(all[id] ?? IDLE), ...change } }));
  }
}
