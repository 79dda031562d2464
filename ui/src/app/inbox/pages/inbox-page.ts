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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  Observable,
  Subscription,
  debounceTime,
  filter,
  finalize,
  fromEvent,
  of,
  switchMap,
  tap,
  timer,
} from 'rxjs';
import { problemMessage } from '../../core/http/problem';
import { MeStore } from '../../core/me/me.store';
import { durationsInWords } from '../../shared/time/time-format';
import { BulkAction, BulkBar } from '../components/bulk-bar/bulk-bar';
import { NewSavedFilter, SavedFilters } from '../components/saved-filters/saved-filters';
import { TaskDetailPanel } from '../components/task-detail/task-detail';
import { InboxApi } from '../inbox-api';
import {
  ASSIGNEE_CHOICES,
  AssigneeChoice,
  BulkRequest,
  BulkResult,
  DUE_CHOICES,
  DueChoice,
  FilterCount,
  SavedFilter,
  Task,
  TaskCompletion,
  TaskDetail,
  TaskFilter,
} from '../inbox.models';
import { REFRESH_MS } from '../refresh';
import { takenMessage } from '../taken';

export const TASK_COMPLETED = 'Task completed';
const FILTER_DEBOUNCE_MS = 300;
export const PAGE_SIZES = [25, 50, 100];

export const DUE_LABELS: Readonly<Record<DueChoice, string>> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due this week',
  none: 'No due date',
};
export const ASSIGNEE_LABELS: Readonly<Record<AssigneeChoice, string>> = {
  anyone: 'Anyone',
  me: 'Me',
  unassigned: 'Unassigned',
};
export const SORTS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'due,asc', label: 'Due soonest' },
  { value: 'created,desc', label: 'Newest' },
  { value: 'created,asc', label: 'Oldest' },
  { value: 'priority,desc', label: 'Highest priority' },
];

/** The shortcuts of keyboard triage, shown on the page. */
export const SHORTCUTS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'j / k', does: 'next / previous task' },
  { keys: 'o', does: 'open' },
  { keys: 'c', does: 'claim' },
  { keys: 'x', does: 'select' },
  { keys: 'a', does: 'approve selected' },
  { keys: 'r', does: 'reject selected (comment first)' },
];

/** The inbox: open tasks of every process (delegation approvals first of all), claim and decide. */
@Component({
  selector: 'app-inbox-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    BulkBar,
    SavedFilters,
    TaskDetailPanel,
  ],
  host: { '(keydown)': 'onKey($event)' },
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
  private readonly bulkBar = viewChild(BulkBar);

  protected readonly columns = [
    'select',
    'name',
    'summary',
    'partner',
    'due',
    'assignee',
    'actions',
  ];
  protected readonly dueChoices = DUE_CHOICES;
  protected readonly dueLabels = DUE_LABELS;
  protected readonly assigneeChoices = ASSIGNEE_CHOICES;
  protected readonly assigneeLabels = ASSIGNEE_LABELS;
  protected readonly sorts = SORTS;
  protected readonly shortcuts = SHORTCUTS;
  protected readonly filters = new FormGroup({
    process: new FormControl('', { nonNullable: true }),
    partner: new FormControl('', { nonNullable: true }),
    due: new FormControl<DueChoice | null>(null),
    priority: new FormControl<number | null>(null),
    group: new FormControl('', { nonNullable: true }),
    assignee: new FormControl<AssigneeChoice | null>(null),
  });
  protected readonly sort = new FormControl('due,asc', { nonNullable: true });

  protected readonly savedFilters = signal<readonly SavedFilter[]>([]);
  protected readonly filterCounts = signal<readonly FilterCount[]>([]);
  protected readonly activeFilterId = signal<string | null>(null);
  /** Ids of the selected tasks (kept across refreshes while the tasks are still listed). */
  protected readonly selectedIds = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedTasks = computed(() =>
    this.tasks().filter((task) => this.selectedIds().has(task.id)),
  );
  protected readonly allSelected = computed(
    () => this.tasks().length > 0 && this.selectedTasks().length === this.tasks().length,
  );
  protected readonly bulkResults = signal<readonly BulkResult[]>([]);
  protected readonly bulkBusy = signal(false);
  /** Tasks seen on this page, to name bulk results of tasks no longer listed. */
  protected readonly known = signal<ReadonlyMap<string, Task>>(new Map());
  /** The row keyboard triage is on. */
  protected readonly focusIndex = signal(0);

  protected readonly tasks = signal<readonly Task[]>([]);
  /** How many tasks match in all, of which `tasks` is one page. */
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(50);
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly loading = signal(false);
  /** Problem of loading the list or of a claim/unclaim in the table. */
  protected readonly listError = signal<string | null>(null);
  /** Problem of loading the list itself; gone with the next list that loads. */
  protected readonly loadError = signal<string | null>(null);
  protected readonly selected = signal<TaskDetail | null>(null);
  /** Problem of opening, claiming or completing the selected task. */
  protected readonly detailError = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly username = computed(() => this.meStore.me()?.username ?? null);
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
    this.sort.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.load());
    this.load();
    this.loadSavedFilters();
    this.refreshWhileVisible();
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
          this.detailError.set(takenMessage(error, Date.now()));
          this.load();
        },
      });
  }

  /** Applies a saved filter's criteria to the form (the list follows). */
  protected applySaved(saved: SavedFilter): void {
    const criteria = saved.criteria ?? {};
    this.filters.setValue({
      process: criteria.process ?? '',
      partner: criteria.partner ?? '',
      due: criteria.due ?? null,
      priority: criteria.priority ?? null,
      group: criteria.group ?? '',
      assignee: criteria.assignee ?? null,
    });
    this.activeFilterId.set(saved.id);
  }

  protected saveFilter(wanted: NewSavedFilter): void {
    this.api
      .saveFilter(wanted.name, this.filters.getRawValue(), wanted.sharedWithGroup)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.status.set(`Filter "${saved.name}" saved`);
          this.activeFilterId.set(saved.id);
          this.loadSavedFilters();
        },
        error: (error: unknown) => this.listError.set(problemMessage(error)),
      });
  }

  protected deleteFilter(saved: SavedFilter): void {
    this.api
      .deleteFilter(saved.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.status.set(`Filter "${saved.name}" deleted`);
          this.activeFilterId.update((id) => (id === saved.id ? null : id));
          this.loadSavedFilters();
        },
        error: (error: unknown) => this.listError.set(problemMessage(error)),
      });
  }

  protected isSelected(task: Task): boolean {
    return this.selectedIds().has(task.id);
  }

  protected toggle(task: Task): void {
    this.selectedIds.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(task.id)) {
        next.add(task.id);
      }
      return next;
    });
  }

  protected toggleAll(): void {
    this.selectedIds.set(
      this.allSelected() ? new Set() : new Set(this.tasks().map((task) => task.id)),
    );
  }

  /** One action on every selected task; the answer lists each task's outcome. */
  protected bulk(action: BulkAction): void {
    const taskIds = this.selectedTasks().map((task) => task.id);
    if (taskIds.length === 0) {
      return;
    }
    const request: BulkRequest =
      action.action === 'complete'
        ? {
            action: 'complete',
            taskIds,
            values: { approved: action.approved, comment: action.comment },
          }
        : action.action === 'reassign'
          ? { action: 'reassign', taskIds, assignee: action.assignee }
          : { action: action.action, taskIds };
    this.bulkBusy.set(true);
    this.status.set('');
    this.api
      .bulk(request)
      .pipe(
        finalize(() => this.bulkBusy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ results }) => {
          this.bulkResults.set(results);
          const done = results.filter((result) => result.outcome === 'done').length;
          this.status.set(`${done} of ${results.length} done`);
          this.selectedIds.set(new Set());
          this.load();
          this.loadCounts();
        },
        error: (error: unknown) => this.listError.set(problemMessage(error)),
      });
  }

  /** Keyboard triage (see SHORTCUTS); keys typed into a field are the field's. */
  protected onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      target?.closest('input, textarea, select, mat-select, [contenteditable="true"]')
    ) {
      return;
    }
    const task = this.tasks()[this.focusIndex()];
    const act: Record<string, () => void> = {
      j: () => this.moveFocus(1),
      ArrowDown: () => this.moveFocus(1),
      k: () => this.moveFocus(-1),
      ArrowUp: () => this.moveFocus(-1),
      o: () => task && this.open(task),
      c: () => task && !task.assignee && this.claim(task),
      x: () => task && this.toggle(task),
      a: () => this.decideSelected(true),
      r: () => this.decideSelected(false),
    };
    const action = act[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  private moveFocus(by: number): void {
    const last = this.tasks().length - 1;
    this.focusIndex.set(Math.max(0, Math.min(last, this.focusIndex() + by)));
  }

  /** Approve/reject the selection (or the row under focus) with the bulk bar's comment. */
  private decideSelected(approved: boolean): void {
    const task = this.tasks()[this.focusIndex()];
    if (this.selectedIds().size === 0 && task) {
      this.selectedIds.set(new Set([task.id]));
    }
    afterNextRender(
      () => {
        const bar = this.bulkBar();
        if (!approved && bar && !bar.hasComment()) {
          this.status.set('Write why you reject in "Comment for all", then press Reject selected');
          bar.focusComment();
          return;
        }
        bar?.decide(approved);
      },
      { injector: this.injector },
    );
  }

  private sortParam(): string | undefined {
    return this.sort.value === 'due,asc' ? undefined : this.sort.value;
  }

  private keepSelectionOf(listed: readonly Task[]): void {
    const ids = new Set(listed.map((task) => task.id));
    this.selectedIds.update((selected) => new Set([...selected].filter((id) => ids.has(id))));
    this.known.update((known) => new Map([...known, ...listed.map((t) => [t.id, t] as const)]));
    this.focusIndex.update((index) => Math.min(index, Math.max(0, listed.length - 1)));
  }

  private loadSavedFilters(): void {
    this.api
      .savedFilters()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (filters) => this.savedFilters.set(filters),
        // Without saved filters the inbox still lists and filters.
        error: () => undefined,
      });
    this.loadCounts();
  }

  private loadCounts(): void {
    this.api
      .filterCounts()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (counts) => this.filterCounts.set(counts), error: () => undefined });
  }

  /** Refreshes the list and the counts every REFRESH_MS while the tab is visible, and on return to it. */
  private refreshWhileVisible(): void {
    const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';
    const returns =
      typeof document === 'undefined'
        ? of()
        : fromEvent(document, 'visibilitychange').pipe(filter(visible));
    timer(REFRESH_MS, REFRESH_MS)
      .pipe(
        filter(() => visible() && !this.loading() && !this.bulkBusy() && this.busyId() === null),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.refresh());
    returns.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.refresh());
  }

  private refresh(): void {
    this.load();
    this.loadCounts();
  }

  private load(): void {
    const filter: TaskFilter = this.filters.getRawValue();
    this.listRequest?.unsubscribe();
    this.loading.set(true);
    this.listRequest = this.api
      .list(filter, { page: this.pageIndex(), size: this.pageSize() }, this.sortParam())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.loadError.set(null);
          this.tasks.set(page.content);
          this.total.set(page.page.totalElements);
          this.keepSelectionOf(page.content);
        },
        error: (error: unknown) => this.loadError.set(problemMessage(error)),
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
          this.listError.set(takenMessage(error, Date.now()));
          this.load();
        },
      });
  }
}
