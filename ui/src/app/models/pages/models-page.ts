import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemMessage } from '../../core/http/problem';
import { ModelsApi } from '../models-api';
import { Model, ModelVersion, TYPE_LABELS } from '../models.models';

/**
 * Models (ops): every deployed process, decision and form with its latest version, running instances
 * and open incidents; each model's versions on demand (when, and whether by a release or the browser).
 */
@Component({
  selector: 'app-models-page',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule],
  template: `
    <h1>Models</h1>
    <p class="muted">
      What the engine runs. Editing in the browser with four-eyes deployment comes next; until then
      models change through a release of <code>processes/</code>.
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
                        @if (model.type === 'bpmn') {
                          · {{ version.runningInstances }} running
                        }
                      </li>
                    }
                  </ul>
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
    .warn {
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

  ngOnInit(): void {
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
