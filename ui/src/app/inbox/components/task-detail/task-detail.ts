import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  input,
  linkedSignal,
  output,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { GuidePanel } from '../../../diagnostics/components/guide-panel/guide-panel';
import { ModelChangeDiff } from '../../../models/review/model-change-diff';
import { durationsInWords } from '../../../shared/time/time-format';
import { TaskCompletion, TaskDetail, TaskField } from '../../inbox.models';
import { TaskCommentsPanel } from '../task-comments/task-comments';
import { TaskDiagramPanel } from '../task-diagram/task-diagram';
import { TaskFormPanel } from '../task-form/task-form';
import { TaskHistoryPanel } from '../task-history/task-history';

/** Context keys shown first, with their labels (delegation approvals); other keys follow. */
const KNOWN_CONTEXT: readonly (readonly [string, string])[] = [
  ['requester', 'Requester'],
  ['partner', 'Partner'],
  ['delegate', 'Delegate'],
  ['bot', 'Bot'],
  ['scopes', 'Scopes'],
  ['duration', 'Duration'],
  ['justification', 'Justification'],
  ['approvals', 'Approvals so far'],
];

/** Context keys shown in their own way rather than as a row: `guide` opens its section beside the task. */
const SHOWN_APART = ['guide'];

/** Fields the detail always offers itself: the decision buttons and the comment. */
const BUILT_IN_FIELDS = ['approved', 'comment'];

export interface ContextRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/**
 * Shows a task's context and lets the user decide it: "Approve"/"Reject" with a comment when the
 * task's form has the boolean `approved` field, otherwise "Complete" (e.g. a confirmation task).
 */
@Component({
  selector: 'app-task-detail',
  imports: [
    ModelChangeDiff,
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    GuidePanel,
    TaskCommentsPanel,
    TaskDiagramPanel,
    TaskFormPanel,
    TaskHistoryPanel,
  ],
  templateUrl: './task-detail.html',
  styleUrl: './task-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPanel {
  readonly task = input.required<TaskDetail>();
  readonly busy = input(false);
  /** Problem of the last failed claim/complete, shown in an alert. */
  readonly error = input<string | null>(null);

  /** Emits the body for `complete` (the page claims the task first when needed). */
  readonly decide = output<TaskCompletion>();
  readonly closed = output<void>();

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly form = viewChild(TaskFormPanel);

  /**
   * The task's form-js form is shown: it holds the fields (the plain fields below are not shown); null
   * while the form is still being looked up, when neither is shown and the task cannot be decided yet.
   */
  protected readonly hasForm = linkedSignal<string, boolean | null>({
    source: () => this.task().id,
    computation: () => null,
  });
  /** Fields the detail offers itself rather than in the form: the decision buttons. */
  protected readonly leftOutOfForm = computed(() => (this.isDecision() ? ['approved'] : []));

  /** The comment; starts empty for every task opened. */
  protected readonly comment = linkedSignal({
    source: () => this.task().id,
    computation: () => '',
  });
  /** Values of the task's own fields beyond approve/reject and comment. */
  protected readonly values = linkedSignal<string, Readonly<Record<string, boolean | string>>>({
    source: () => this.task().id,
    computation: () => ({}),
  });

  /** The model draft a "Review model change" task is about. */
  protected draftIdOf(task: TaskDetail): string | null {
    const id = task.context['draftId'];
    return typeof id === 'string' ? id : null;
  }

  protected readonly contextRows = computed<readonly ContextRow[]>(() => {
    const context = this.task().context ?? {};
    const rows: ContextRow[] = [];
    const known = new Set([...KNOWN_CONTEXT.map(([key]) => key), ...SHOWN_APART]);
    for (const [key, label] of KNOWN_CONTEXT) {
      pushRow(rows, key, label, context[key]);
    }
    for (const key of Object.keys(context).sort()) {
      if (!known.has(key)) {
        pushRow(rows, key, humanize(key), context[key]);
      }
    }
    return rows;
  });

  /** The guide section that explains what the task is about (e.g. "Fix connection"), if the task names one. */
  protected readonly guide = computed(() => {
    const guide = this.task().context?.['guide'];
    return typeof guide === 'string' && guide ? guide : null;
  });

  /** The summary in plain words (`for PT8H` → `for 8 hours`). */
  protected readonly summary = computed(() => durationsInWords(this.task().summary));

  /** The engine's own label of the comment field when it says more than "Comment" (shown as hint). */
  protected readonly commentHint = computed(() => {
    const label = this.task()
      .fields?.find((field) => field.name === 'comment')
      ?.label?.trim();
    return label && label !== 'Comment' ? label : '';
  });

  /** The task is a decision (its form has the boolean `approved` field). */
  protected readonly isDecision = computed(() =>
    (this.task().fields ?? []).some(
      (field) => field.name === 'approved' && field.type === 'boolean',
    ),
  );
  protected readonly hasComment = computed(
    () => this.isDecision() || (this.task().fields ?? []).some((field) => field.name === 'comment'),
  );

  protected readonly extraFields = computed<readonly TaskField[]>(() =>
    (this.task().fields ?? []).filter((field) => !BUILT_IN_FIELDS.includes(field.name)),
  );

  /** Moves the focus to the panel's heading (after it was opened from the table). */
  focus(): void {
    this.heading()?.nativeElement.focus();
  }

  protected setComment(event: Event): void {
    this.comment.set((event.target as HTMLTextAreaElement).value);
  }

  protected setValue(name: string, value: boolean | string): void {
    this.values.update((values) => ({ ...values, [name]: value }));
  }

  protected textValue(name: string): string {
    const value = this.values()[name];
    return typeof value === 'string' ? value : '';
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  /** Emits the completion: `approved` for a decision (null: a plain "Complete"). */
  protected submit(approved: boolean | null): void {
    if (this.hasForm()) {
      this.submitForm(approved);
      return;
    }
    const body: Record<string, boolean | string> = {};
    for (const field of this.extraFields()) {
      body[field.name] = this.values()[field.name] ?? (field.type === 'boolean' ? false : '');
    }
    if (approved !== null) {
      body['approved'] = approved;
    }
    if (this.hasComment()) {
      body['comment'] = this.comment().trim();
    }
    this.decide.emit(body);
  }

  /** The form's values (unless one is invalid: form-js says why beside it) with the decision. */
  private submitForm(approved: boolean | null): void {
    const values = this.form()?.collect();
    if (!values) {
      return;
    }
    this.decide.emit(approved === null ? { ...values } : { ...values, approved });
  }
}

function pushRow(rows: ContextRow[], key: string, label: string, value: unknown): void {
  if (value === null || value === undefined || value === '') {
    return;
  }
  rows.push({ key, label, value: display(key, value) });
}

function display(key: string, value: unknown): string {
  if (key === 'bot' && isRecord(value) && typeof value['name'] === 'string') {
    return value['clientId'] ? `${value['name']} (${value['clientId']})` : value['name'];
  }
  if (key === 'approvals' && Array.isArray(value)) {
    if (!value.length) {
      return 'None yet';
    }
    return value.map(describeApproval).join('; ');
  }
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.join(', ');
  }
  if (typeof value === 'object' && value !== null) {
    return JSON.stringify(value);
  }
  return durationsInWords(String(value));
}

function describeApproval(item: unknown): string {
  if (!isRecord(item)) {
    return String(item);
  }
  const who = String(item['approver'] ?? 'someone');
  const decision = item['approved'] ? 'approved' : 'rejected';
  return item['comment'] ? `${who} ${decision} (“${item['comment']}”)` : `${who} ${decision}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function humanize(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
