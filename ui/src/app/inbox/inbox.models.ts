/** A user task of any process, as listed in the inbox (`GET /api/tasks`). */
export interface Task {
  readonly id: string;
  readonly name: string;
  /** Process definition key, e.g. `delegation-approval`. */
  readonly process: string;
  readonly partner: string | null;
  readonly assignee: string | null;
  /** ISO-8601 instants. */
  readonly created: string;
  readonly due: string | null;
  readonly summary: string;
}

/** A form field the task expects when it is completed. */
export interface TaskField {
  readonly name: string;
  readonly type: 'boolean' | 'string';
  readonly label: string;
  readonly required?: boolean;
}

/** One task with its process context (`GET /api/tasks/{id}`). */
export interface TaskDetail extends Task {
  /** Process variables to decide on, e.g. requester, delegate, scopes, justification. */
  readonly context: Readonly<Record<string, unknown>>;
  readonly fields: readonly TaskField[];
  /** False when the task's rules refuse me a decision (e.g. four eyes): the detail then says why. */
  readonly mayDecide?: boolean;
  readonly mayNotDecideBecause?: string | null;
}

/** One page of the task list (`GET /api/tasks`): the rows and where they sit in the whole. */
export interface TaskPage {
  readonly content: readonly Task[];
  readonly page: { readonly number: number; readonly size: number; readonly totalElements: number };
}

/** Which page of the list, from 0. */
export interface PageRequest {
  readonly page: number;
  readonly size: number;
}

export const DUE_CHOICES = ['overdue', 'today', 'week', 'none'] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];
export const ASSIGNEE_CHOICES = ['anyone', 'me', 'unassigned'] as const;
export type AssigneeChoice = (typeof ASSIGNEE_CHOICES)[number];

/** Inbox filters (a saved filter's criteria too); empty values are not sent. */
export interface TaskFilter {
  readonly process?: string | null;
  readonly partner?: string | null;
  readonly due?: DueChoice | null;
  readonly priority?: number | null;
  readonly group?: string | null;
  readonly assignee?: AssigneeChoice | null;
}

/** `due`, `created` or `priority`, then `,asc` or `,desc`. */
export type TaskSortOrder = string;

/** A saved filter (`/api/task-filters`): the owner's own or shared with one of my groups. */
export interface SavedFilter {
  readonly id: string;
  readonly owner: string;
  readonly name: string;
  readonly criteria: TaskFilter | null;
  readonly sharedWithGroup: string | null;
}

/** `GET /api/task-filters/counts`. */
export interface FilterCount {
  readonly id: string;
  readonly count: number;
}

/** `POST /api/tasks/bulk`. */
export interface BulkRequest {
  readonly action: 'claim' | 'unclaim' | 'reassign' | 'complete';
  readonly taskIds: readonly string[];
  readonly assignee?: string;
  readonly values?: TaskCompletion;
}

/** What one task of a bulk action came to: `done`, or the refusal's slug with its status and why. */
export interface BulkResult {
  readonly taskId: string;
  readonly outcome: string;
  readonly status: number;
  readonly detail: string | null;
}

/** Body of `POST /api/tasks/{id}/complete`, e.g. `{approved: true, comment: "..."}`. */
export type TaskCompletion = Readonly<Record<string, unknown>>;

/** `GET /api/tasks/{id}/diagram`: the process model and where its instance stands. */
export interface TaskDiagram {
  readonly xml: string;
  readonly activeActivityIds: readonly string[];
  readonly completedActivityIds: readonly string[];
}

/** One line of `GET /api/tasks/{id}/history`, oldest first. */
export interface TaskHistoryEntry {
  readonly at: string;
  readonly who: string | null;
  readonly what: string;
  readonly activityId: string | null;
}

/** A comment of `GET/POST/PUT /api/tasks/{id}/comments`. */
export interface TaskComment {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
  readonly updatedAt: string | null;
}

/** A form-js component of a task form (only what the inbox reads; form-js reads the rest). */
export interface TaskFormComponent {
  readonly key?: string;
  readonly type: string;
  readonly [property: string]: unknown;
}

/** A form-js schema deployed with the task's process (`processes/*.form`). */
export interface TaskFormSchema {
  readonly id?: string;
  readonly components: readonly TaskFormComponent[];
  readonly [property: string]: unknown;
}

/** Values of a task form, by field key. */
export type TaskFormValues = Readonly<Record<string, unknown>>;

/** `GET /api/tasks/{id}/form`: the task's form-js schema and the values it holds so far. */
export interface TaskForm {
  readonly schema: TaskFormSchema;
  readonly data: TaskFormValues;
}
