import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Subscription, finalize } from 'rxjs';
import { problemMessage } from '../../core/http/problem';
import { MeStore } from '../../core/me/me.store';
import { AuditApi } from '../audit-api';
import { auditSentence } from '../audit-sentence';
import { AuditEntry, AuditVerification } from '../audit.models';

export const DEFAULT_PAGE_SIZE = 50;

/** `datetime-local` value (local time, no zone) → ISO-8601 instant; empty or invalid → undefined. */
export function localToInstant(value: string): string | undefined {
  if (!value) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function verificationText(result: AuditVerification): string {
  return result.ok
    ? `Trail verified: ${result.entries} entries, no tampering`
    : `Trail broken at entry ${result.firstBrokenId ?? 'unknown'}`;
}

/** Roles the engine lets recompute the hash chain (`GET /api/audit/verify`). */
const VERIFYING_ROLES = ['partner', 'ops'];

/** The audit trail: filter, page through the entries, verify the hash chain (partners and ops). */
@Component({
  selector: 'app-audit-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(AuditApi);
  private readonly meStore = inject(MeStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = ['at', 'actor', 'partner', 'action', 'target', 'details'];
  protected readonly pageSizes = [25, 50, 100];
  protected readonly filters = new FormGroup({
    action: new FormControl('', { nonNullable: true }),
    actor: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  protected readonly entries = signal<readonly AuditEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly mayVerify = computed(() =>
    (this.meStore.me()?.roles ?? []).some((role) => VERIFYING_ROLES.includes(role)),
  );
  protected readonly verifying = signal(false);
  protected readonly verification = signal('');
  /** The filters last applied (the paginator pages through these). */
  private applied = this.filters.getRawValue();
  private request: Subscription | null = null;

  ngOnInit(): void {
    this.meStore.ensureLoaded();
    this.load();
  }

  protected applyFilters(): void {
    this.applied = this.filters.getRawValue();
    this.pageIndex.set(0);
    this.load();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected verify(): void {
    this.verifying.set(true);
    this.verification.set('');
    this.error.set(null);
    this.api
      .verify()
      .pipe(
        finalize(() => this.verifying.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => this.verification.set(verificationText(result)),
        error: (error: unknown) => this.error.set(problemMessage(error)),
      });
  }

  /** Entries whose JSON details are shown (by id). */
  private readonly opened = signal<ReadonlySet<AuditEntry['id']>>(new Set());

  protected sentence(entry: AuditEntry): string {
    return auditSentence(entry);
  }

  protected isOpen(entry: AuditEntry): boolean {
    return this.opened().has(entry.id);
  }

  /** Shows or hides the JSON details of an entry (the sentence says what happened). */
  protected toggle(entry: AuditEntry): void {
    this.opened.update((opened) => {
      const next = new Set(opened);
      if (!next.delete(entry.id)) {
        next.add(entry.id);
      }
      return next;
    });
  }

  /** Details as one line of JSON; nothing for empty details. */
  protected compact(details: unknown): string {
    if (details === null || details === undefined) {
      return '';
    }
    if (typeof details === 'object' && Object.keys(details).length === 0) {
      return '';
    }
    return JSON.stringify(details);
  }

  private load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.request = this.api
      .entries({
        action: this.applied.action,
        actor: this.applied.actor,
        from: localToInstant(this.applied.from),
        to: localToInstant(this.applied.to),
        page: this.pageIndex(),
        size: this.pageSize(),
      })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.error.set(null);
          this.entries.set(page.entries);
          this.total.set(page.total);
          this.pageIndex.set(page.page);
          this.pageSize.set(page.size);
        },
        error: (error: unknown) => this.error.set(problemMessage(error)),
      });
  }
}
