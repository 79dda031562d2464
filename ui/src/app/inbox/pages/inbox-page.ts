import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Observable, Subscription, debounceTime, finalize, of, switchMap, tap } from 'rxjs';
import { problemMessage } from '../../core/http/problem';
import { MeStore } from '../../core/me/me.store';
import { durationsInWords } from '../../shared/time/time-format';
import { TaskDetailPanel } from '../components/task-detail/task-detail';
import { InboxApi } from '../inbox-api';
import { Task, TaskCompletion, TaskDetail, TaskFilter } from '../inbox.models';

export const TASK_COMPLETED = 'Task completed';
const FILTER_DEBOUNCE_MS = 300;
export const PAGE_SIZES = [25, 50, 100];

/** The inbox: open tasks of every process (delegation approvals first of all), claim and decide. */
@Component({
  selector: 'app-inbox-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    TaskDetailPanel,
  ],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  private readonly api = inject(InboxApi);
  private readonly meStore = inject(MeStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly detailPanel = viewChild(TaskDetailPanel);

  protected readonly columns = ['name', 'summary', 'partner', 'due', 'assignee', 'actions'];
  protected readonly filters = new FormGroup({
    process: new FormControl('', { nonNullable: true }),
    partner: new FormControl('', { nonNullable: true }),
  });

  protected readonly tasks = signal<readonly Task[]>([]);
  /** How many tasks match in all, of which `tasks` is one page. */
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(50);
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly loading = signal(false);
  /** Problem of loading the list or of a claim/unclaim in the table. */
  protected readonly listError = signal<string | null>(null);
  protected readonly selected = signal<TaskDetail | null>(null);
  /** Problem of opening, claiming or completing the selected task. */
  protected readonly detailError = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly status = signal('');
  private readonly username = computed(() => this.meStore.me()?.username ?? null);
  /** Critical scopes of the catalogue: a task about one of them is marked critical. */
  private readonly criticalScopes = signal<ReadonlySet<string>>(new Set());
  private listRequest: Subscription | null = null;

  ngOnInit(): void {
    this.meStore.ensureLoaded();
    this.filters.valueChanges
      .pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.pageIndex.set(0);
        this.load();
      });
    this.load();
    this.api
      .criticalScopes()
      .pipe(takeUntilDestroyed(this.destroyRef))
      // Without the catalogue the tasks are listed unmarked.
      .subscribe({
        next: (names) => this.criticalScopes.set(new Set(names)),
        error: () => undefined,
      });
  }

  /** The summary in plain words (`for PT8H` → `for 8 hours`). */
  protected summaryText(task: Task): string {
    return durationsInWords(task.summary);
  }

  /** True when the summary names a critical scope (e.g. `orders:place`). */
  protected isCritical(task: Task): boolean {
    const critical = this.criticalScopes();
    return task.summary.split(/[\s,;()]+/).some((word) => critical.has(word));
  }

  protected isMine(task: Task): boolean {
    return task.assignee !== null && task.assignee === this.username();
  }

  protected applyFilters(): void {
    this.pageIndex.set(0);
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected claim(task: Task): void {
    this.runOnRow(task, this.api.claim(task.id));
  }

  protected unclaim(task: Task): void {
    this.runOnRow(task, this.api.unclaim(task.id));
  }

  protected open(task: Task): void {
    this.busyId.set(task.id);
    this.detailError.set(null);
    this.status.set('');
    this.api
      .get(task.id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (detail) => {
          this.selected.set(detail);
          afterNextRender(() => this.detailPanel()?.focus(), { injector: this.injector });
        },
        error: (error: unknown) => this.listError.set(problemMessage(error)),
      });
  }

  protected close(): void {
    this.selected.set(null);
    this.detailError.set(null);
  }

  /** Approve or reject: claims the task first when nobody has it, then completes it. */
  protected decide(task: TaskDetail, body: TaskCompletion): void {
    this.busyId.set(task.id);
    this.detailError.set(null);
    const claimed: Observable<Task> = task.assignee
      ? of(task)
      : this.api.claim(task.id).pipe(tap((updated) => this.applyUpdate(updated)));
    claimed
      .pipe(
        switchMap(() => this.api.complete(task.id, body)),
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.selected.set(null);
          this.status.set(TASK_COMPLETED);
          this.load();
        },
        error: (error: unknown) => {
          this.detailError.set(problemMessage(error));
          this.load();
        },
      });
  }

  private load(): void {
    const filter: TaskFilter = this.filters.getRawValue();
    this.listRequest?.unsubscribe();
    this.loading.set(true);
    this.listRequest = this.api
      .list(filter, { page: this.pageIndex(), size: this.pageSize() })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.listError.set(null);
          this.tasks.set(page.content);
          this.total.set(page.page.totalElements);
        },
        error: (error: unknown) => this.listError.set(problemMessage(error)),
      });
  }

  /** Applies a task returned by claim/unclaim to the table and the open detail. */
  private applyUpdate(updated: Task): void {
    this.tasks.update((tasks) => tasks.map((t) => (t.id === updated.id ? updated : t)));
    this.selected.update((selected) =>
      selected?.id === updated.id ? { ...selected, assignee: updated.assignee } : selected,
    );
  }

  private runOnRow(task: Task, call: Observable<Task>): void {
    this.busyId.set(task.id);
    this.listError.set(null);
    this.status.set('');
    call
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => this.applyUpdate(updated),
        error: (error: unknown) => {
          this.listError.set(problemMessage(error));
          this.load();
        },
      });
  }
}
