import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Subscription, switchMap, takeWhile, timer } from 'rxjs';
import { problemMessage } from '../../core/http/problem';
import { ModelsApi } from '../models-api';
import { MigrationInstruction, MigrationView, ModelVersion } from '../models.models';

/** How often a running migration's progress is read. */
export const MIGRATION_POLL_MS = 1000;

/**
 * Migrate a process's running instances from one version to another (ops): the engine's validation
 * report first (instances affected, the mapping, what it does not reach), a target for each activity it
 * does not reach, then a proposal a second ops person approves in their inbox, then the batch's progress
 * and each instance it could not migrate.
 */
@Component({
  selector: 'app-migration-panel',
  imports: [FormsModule, MatButtonModule, MatProgressBarModule],
  template: `
    <section class="migration" [attr.aria-label]="'Migrate running instances of ' + key()">
      <h3>Migrate running instances</h3>
      <label>
        From version
        <select [(ngModel)]="from" aria-label="Migrate from version">
          @for (v of versions(); track v.version) {
            <option [ngValue]="v.version">
              {{ v.version }} ({{ v.runningInstances }} running)
            </option>
          }
        </select>
      </label>
      <label>
        to version
        <select [(ngModel)]="to" aria-label="Migrate to version">
          @for (v of versions(); track v.version) {
            <option [ngValue]="v.version">{{ v.version }}</option>
          }
        </select>
      </label>
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="check()">
        Check migration
      </button>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (report(); as r) {
        <div class="report" aria-label="Migration report" role="region">
          <p>
            {{ r.instances }} running instance(s) of version {{ r.from }} → version {{ r.to }}:
            <strong>{{ r.valid ? 'ready to propose' : 'not ready' }}</strong>
          </p>
          <ul aria-label="Mapped activities">
            @for (i of r.instructions; track i.source) {
              <li>{{ i.source }} → {{ i.target }}</li>
            }
          </ul>
          @if (r.errors.length > 0) {
            <ul aria-label="Migration problems" class="problems">
              @for (e of r.errors; track $index) {
                <li>
                  {{ e.message }}
                  @if (e.activity) {
                    <label>
                      Map {{ e.activity }} to
                      <input
                        type="text"
                        maxlength="100"
                        [attr.aria-label]="'Map ' + e.activity + ' to'"
                        [(ngModel)]="mapping[e.activity]"
                      />
                    </label>
                  }
                </li>
              }
            </ul>
          }
          @if (r.status === 'reported' && r.valid) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="propose()">
              Propose migration
            </button>
          }
          @if (r.status !== 'reported') {
            <p role="status">{{ statusText() }}</p>
          }
          @if (r.progress; as p) {
            <mat-progress-bar
              mode="determinate"
              [value]="p.total === 0 ? 100 : (100 * (p.migrated + p.failed)) / p.total"
              aria-label="Migration progress"
            />
            <p>{{ p.migrated }} of {{ p.total }} migrated, {{ p.failed }} failed</p>
          }
          @if (r.failures.length > 0) {
            <ul aria-label="Instances not migrated">
              @for (f of r.failures; track $index) {
                <li>{{ f.instanceId }}: {{ f.message }}</li>
              }
            </ul>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .migration {
      margin-top: 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    label {
      margin-right: 12px;
    }
    .error,
    .problems {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MigrationPanel implements OnInit {
  readonly key = input.required<string>();
  /** The process's versions, newest first. */
  readonly versions = input.required<readonly ModelVersion[]>();

  private readonly api = inject(ModelsApi);
  private readonly destroyRef = inject(DestroyRef);
  private polling: Subscription | null = null;

  protected from: number | null = null;
  protected to: number | null = null;
  /** A target activity for each source activity the report named, as typed. */
  protected mapping: Record<string, string> = {};
  protected readonly report = signal<MigrationView | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly statusText = computed(() => {
    const r = this.report();
    switch (r?.status) {
      case 'proposed':
        return 'Proposed: another ops person reviews it in their inbox ("Review migration").';
      case 'rejected':
        return `Rejected by ${r.reviewedBy}: ${r.reviewComment ?? ''}`;
      case 'running':
        return 'Running as a batch…';
      case 'completed':
        return r.failures.length === 0
          ? 'Completed: every instance migrated.'
          : 'Completed with failures.';
      default:
        return '';
    }
  });

  ngOnInit(): void {
    const versions = this.versions();
    this.to = versions[0]?.version ?? null;
    this.from = versions[1]?.version ?? this.to;
  }

  /** Asks the engine for the plan and where the instances wait; nothing runs yet. */
  protected check(): void {
    const versions = this.versions();
    const from = this.from ?? versions[versions.length > 1 ? 1 : 0]?.version;
    const to = this.to ?? versions[0]?.version;
    if (from === undefined || to === undefined) {
      return;
    }
    const mapping: MigrationInstruction[] = Object.entries(this.mapping)
      .filter(([, target]) => target.trim())
      .map(([source, target]) => ({ source, target: target.trim() }));
    this.busy.set(true);
    this.error.set(null);
    this.api.checkMigration(this.key(), { from, to, mapping }).subscribe({
      next: (report) => {
        this.busy.set(false);
        this.report.set(report);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(error));
      },
    });
  }

  protected propose(): void {
    const report = this.report();
    if (!report) {
      return;
    }
    this.busy.set(true);
    this.api.proposeMigration(report.id).subscribe({
      next: (proposed) => {
        this.busy.set(false);
        this.report.set(proposed);
        this.follow(proposed.id);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(error));
      },
    });
  }

  /** Reads the migration until it is rejected or completed: the review, then the batch's progress. */
  private follow(id: string): void {
    this.polling?.unsubscribe();
    this.polling = timer(MIGRATION_POLL_MS, MIGRATION_POLL_MS)
      .pipe(
        switchMap(() => this.api.migration(id)),
        takeWhile((view) => view.status !== 'completed' && view.status !== 'rejected', true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (view) => this.report.set(view),
        error: (error: unknown) => this.error.set(problemMessage(error)),
      });
  }
}
