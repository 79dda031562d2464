import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MigrationPanel } from '../migration/migration-panel';
import { problemMessage } from '../../core/http/problem';
import { ModelsApi } from '../models-api';
import { IncidentDetail, Model, ModelVersion, OpenIncident, TYPE_LABELS } from '../models.models';

/**
 * Models (ops): every deployed process, decision and form with its latest version, running instances
 * and open incidents; each model's versions on demand (when, and whether by a release or the browser).
 */
@Component({
  selector: 'app-models-page',
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    MigrationPanel,
  ],
  template: `
    <h1>Models</h1>
    <p class="muted">
      What the engine runs. <strong>Edit</strong> a model in the browser: it is checked as a deploy
      would check it, and deployed once a second ops person approves it in their inbox.
    </p>
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading models" />
    }
    <div class="table-wrap">
      <table aria-label="Deployed models">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Type</th>
            <th scope="col">Latest version</th>
            <th scope="col">Running instances</th>
            <th scope="col">Open incidents</th>
            <th scope="col"><span class="visually-hidden">Versions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (model of models(); track model.type + model.key) {
            <tr>
              <th scope="row">
                {{ model.name ?? model.key }}
                @if (model.name) {
                  <span class="muted key">{{ model.key }}</span>
                }
                @if (model.diverged) {
                  <span class="diverged key"
                    >Diverged: the release's file differs from this browser version (./workspace
                    models pull)</span
                  >
                }
              </th>
              <td>{{ typeLabels[model.type] }}</td>
              <td>{{ model.latestVersion }}</td>
              <td>{{ model.runningInstances }}</td>
              <td [class.warn]="model.incidents > 0">{{ model.incidents }}</td>
              <td>
                <button
                  mat-button
                  type="button"
                  [attr.aria-expanded]="openKey() === model.key"
                  [attr.aria-label]="'Versions of ' + model.key"
                  (click)="toggle(model)"
                >
                  Versions
                </button>
                <a
                  mat-button
                  [routerLink]="['/models', model.key, 'edit']"
                  [attr.aria-label]="'Edit ' + model.key"
                  >Edit</a
                >
              </td>
            </tr>
            @if (openKey() === model.key) {
              <tr class="versions">
                <td colspan="6">
                  <ul [attr.aria-label]="'Versions of ' + model.key">
                    @for (version of versions(); track version.version) {
                      <li>
                        Version {{ version.version }}, deployed
                        {{ version.deployedAt ? (version.deployedAt | date: 'medium') : '—' }}
                        {{ version.source === 'browser' ? 'from the browser' : 'with a release' }}
                        @if (version.deployedBy) {
                          by {{ version.deployedBy }}
                        }
                        @if (version.approvedBy) {
                          , approved by {{ version.approvedBy }}
                        }
                        @if (model.type === 'bpmn') {
                          · {{ version.runningInstances }} running
                        }
                        @if (version.version !== model.latestVersion) {
                          <a
                            mat-button
                            [routerLink]="['/models', model.key, 'edit']"
                            [queryParams]="{ version: version.version }"
                            [attr.aria-label]="
                              'Roll back ' + model.key + ' to version ' + version.version
                            "
                            >Roll back to this version</a
                          >
                        }
                      </li>
                    }
                  </ul>
                  @if (model.type === 'bpmn' && versions().length > 1) {
                    <app-migration-panel [key]="model.key" [versions]="versions()" />
                  }
                </td>
              </tr>
            }
          } @empty {
            @if (!loading()) {
              <tr>
                <td colspan="6" class="muted">Nothing deployed.</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>

    <h2 id="incidents">Open incidents</h2>
    <p class="status" role="status">{{ status() }}</p>
    @if (incidents().length === 0) {
      <p class="muted">No open incidents.</p>
    } @else {
      <button
        mat-stroked-button
        type="button"
        [disabled]="selected().size === 0"
        (click)="retrySelected()"
      >
        Retry selected
      </button>
      <ul class="incidents" aria-label="Open incidents">
        @for (incident of incidents(); track incident.id) {
          <li>
            @if (incident.retryable) {
              <input
                type="checkbox"
                [attr.aria-label]="'Select the incident at ' + incident.activity"
                [checked]="selected().has(incident.id)"
                (change)="toggleSelected(incident.id)"
              />
            }
            <strong>{{ incident.process ?? 'no process' }}</strong>
            at {{ incident.activity ?? '—' }} since {{ incident.since | date: 'medium' }}:
            {{ incident.message ?? incident.type }}
            @if (incident.annotation) {
              <span class="note">Note: {{ incident.annotation }}</span>
            }
            <button
              mat-button
              type="button"
              [attr.aria-label]="'Stack trace of the incident at ' + incident.activity"
              (click)="showTrace(incident)"
            >
              Stack trace
            </button>
            @if (incident.retryable) {
              <button
                mat-stroked-button
                type="button"
                [disabled]="busyId() === incident.id"
                [attr.aria-label]="'Retry the incident at ' + incident.activity"
                (click)="retry(incident)"
              >
                Retry
              </button>
            }
            <span class="annotate">
              <input
                type="text"
                maxlength="2000"
                [attr.aria-label]="'Note on the incident at ' + incident.activity"
                [(ngModel)]="notes[incident.id]"
              />
              <button
                mat-button
                type="button"
                [attr.aria-label]="'Annotate the incident at ' + incident.activity"
                (click)="annotate(incident)"
              >
                Annotate
              </button>
            </span>
            @if (trace()?.incident?.id === incident.id) {
              <pre class="trace" tabindex="0">{{ trace()?.stacktrace ?? 'No stack trace.' }}</pre>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 16px 24px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .key {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .error,
    .warn,
    .diverged {
      color: var(--mat-sys-error);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .versions ul {
      margin: 0;
      padding-left: 20px;
    }
    .incidents li {
      margin-bottom: 8px;
    }
    .note {
      display: block;
      font-style: italic;
    }
    .trace {
      max-height: 240px;
      overflow: auto;
      font-size: 12px;
      background: var(--mat-sys-surface-container);
      padding: 8px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModelsPage implements OnInit {
  private readonly api = inject(ModelsApi);
  protected readonly typeLabels = TYPE_LABELS;
  protected readonly models = signal<readonly Model[]>([]);
  protected readonly versions = signal<readonly ModelVersion[]>([]);
  protected readonly openKey = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly incidents = signal<readonly OpenIncident[]>([]);
  protected readonly trace = signal<IncidentDetail | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  /** Notes being typed, by incident. */
  protected notes: Record<string, string> = {};

  ngOnInit(): void {
    this.loadIncidents();
    this.api.list().subscribe({
      next: (models) => {
        this.models.set(models);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(problemMessage(error));
        this.loading.set(false);
      },
    });
  }

  protected showTrace(incident: OpenIncident): void {
    this.api.incident(incident.id).subscribe({
      next: (detail) => this.trace.set(detail),
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }

  /** One more try of the failed job; the list shows what is still open. */
  protected retry(incident: OpenIncident): void {
    this.busyId.set(incident.id);
    this.api.retry(incident.id).subscribe({
      next: () => {
        this.busyId.set(null);
        this.status.set(`Retrying ${incident.process ?? ''} at ${incident.activity ?? ''}`);
        this.loadIncidents();
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.error.set(problemMessage(error));
      },
    });
  }

  protected toggleSelected(id: string): void {
    const next = new Set(this.selected());
    if (!next.delete(id)) {
      next.add(id);
    }
    this.selected.set(next);
  }

  /** Retries each selected incident's failed job; says how many were retried. */
  protected retrySelected(): void {
    const ids = [...this.selected()];
    let left = ids.length;
    let retried = 0;
    for (const id of ids) {
      this.api.retry(id).subscribe({
        next: () => retried++,
        error: (error: unknown) => {
          this.error.set(problemMessage(error));
          this.afterRetry(--left, retried, ids.length);
        },
        complete: () => this.afterRetry(--left, retried, ids.length),
      });
    }
  }

  private afterRetry(left: number, retried: number, total: number): void {
    if (left === 0) {
      this.selected.set(new Set());
      this.status.set(`Retried ${retried} of ${total} incident(s)`);
      this.loadIncidents();
    }
  }

  protected annotate(incident: OpenIncident): void {
    this.api.annotate(incident.id, (this.notes[incident.id] ?? '').trim()).subscribe({
      next: () => {
        this.status.set(`Noted on the incident at ${incident.activity ?? ''}`);
        this.loadIncidents();
      },
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }

  private loadIncidents(): void {
    this.api.incidents().subscribe({
      next: (incidents) => this.incidents.set(incidents),
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }

  protected toggle(model: Model): void {
    if (this.openKey() === model.key) {
      this.openKey.set(null);
      return;
    }
    this.openKey.set(model.key);
    this.versions.set([]);
    this.api.versions(model.key).subscribe({
      next: (versions) => this.versions.set(versions),
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }
}
