import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  buttonsByText,
  getByLabel,
  queryByLabel,
  typeInto,
} from '../../shared/testing/dom-queries';
import { MeStore } from '../../core/me/me.store';
import { InboxApi } from '../inbox-api';
import {
  BulkRequest,
  BulkResult,
  SavedFilter,
  Task,
  TaskDetail,
  TaskForm,
  TaskPage,
} from '../inbox.models';
import { InboxPage, TASK_COMPLETED } from './inbox-page';
import { DIAGRAM_VIEWER, DiagramViewer } from '../components/task-diagram/bpmn-viewer';

const noDiagram: DiagramViewer = {
  show: async () => undefined,
  mark: () => undefined,
  nameOf: (id) => id,
  destroy: () => undefined,
};

const OPEN: Task = {
  id: 't-1',
  name: 'Approve delegation',
  process: 'delegation-approval',
  partner: 'nikhil',
  assignee: null,
  created: '2026-11-26T05:00:00Z',
  due: '2026-11-27T05:00:00Z',
  summary: 'nikhil asks orders:place for arjun for PT8H',
};
const MINE: Task = { ...OPEN, id: 't-2', assignee: 'priya', summary: 'nikhil → bot' };

const DETAIL: TaskDetail = {
  ...OPEN,
  context: {
    requester: 'nikhil',
    partner: 'nikhil',
    delegate: 'arjun',
    bot: null,
    scopes: ['orders:place', 'reports:read'],
    duration: 'PT8H',
    justification: 'Holiday cover',
    approvals: [{ approver: 'vikram', approved: true, comment: 'ok' }],
    approvalsRequired: 2,
  },
  fields: [
    { name: 'approved', type: 'boolean', label: 'Approved' },
    { name: 'comment', type: 'string', label: 'Comment (required when rejecting)' },
  ],
};

function pageOf(content: Task[], totalElements = content.length): TaskPage {
  return { content, page: { number: 0, size: 50, totalElements } };
}

function fakeApi() {
  return {
    list: vi.fn(() => of(pageOf([OPEN, MINE]))),
    get: vi.fn(() => of(DETAIL)),
    criticalScopes: vi.fn(() => of(['orders:place'])),
    claim: vi.fn<(id: string) => Observable<Task>>(() => of({ ...OPEN, assignee: 'priya' })),
    unclaim: vi.fn<(id: string) => Observable<Task>>(() => of({ ...MINE, assignee: null })),
    complete: vi.fn<(id: string, body: unknown) => Observable<void>>(() => of(undefined)),
    diagram: vi.fn(() =>
      of({ xml: '<definitions/>', activeActivityIds: [], completedActivityIds: [] }),
    ),
    history: vi.fn(() => of([])),
    comments: vi.fn(() => of([])),
    savedFilters: vi.fn(() => of([CRITICAL_TODAY])),
    filterCounts: vi.fn(() => of([{ id: 'f-1', count: 3 }])),
    saveFilter: vi.fn(() => of(CRITICAL_TODAY)),
    deleteFilter: vi.fn(() => of(undefined)),
    bulk: vi.fn<(request: BulkRequest) => Observable<{ results: BulkResult[] }>>(() =>
      of({ results: [] }),
    ),
    /** No deployed form (a process version from before forms): the detail shows its plain fields. */
    form: vi.fn<(id: string) => Observable<TaskForm>>(() =>
      throwError(() => new HttpErrorResponse({ status: 404, statusText: 'Not Found' })),
    ),
  };
}

const CRITICAL_TODAY: SavedFilter = {
  id: 'f-1',
  owner: 'priya',
  name: 'critical, due today',
  criteria: { due: 'today', priority: 80 },
  sharedWithGroup: null,
};
const NO_FILTER = {
  process: '',
  partner: '',
  due: null,
  priority: null,
  group: '',
  assignee: null,
};

async function render(api = fakeApi()) {
  const me = signal({ username: 'priya', roles: ['approver'] });
  TestBed.configureTestingModule({
    imports: [InboxPage],
    providers: [
      { provide: InboxApi, useValue: api },
      { provide: MeStore, useValue: { me, ensureLoaded: vi.fn() } },
      { provide: DIAGRAM_VIEWER, useValue: async () => noDiagram },
    ],
  });
  const fixture = TestBed.createComponent(InboxPage);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement, api };
}

function rows(element: HTMLElement): HTMLTableRowElement[] {
  return Array.from(element.querySelectorAll<HTMLTableRowElement>('table tbody tr'));
}

describe('InboxPage', () => {
  it('lists the tasks in a table with Claim, Unclaim and Open', async () => {
    const { element, api } = await render();
    expect(element.querySelector('h1')?.textContent).toBe('Inbox');
    const table = element.querySelector('table')!;
    expect(table).not.toBeNull();
    expect(Array.from(table.querySelectorAll('th')).map(accessibleText)).toEqual([
      '',
      'Name',
      'Summary',
      'Partner',
      'Due',
      'Assignee',
      'Actions',
    ]);
    const [open, mine] = rows(element);
    expect(open.textContent).toContain('Approve delegation');
    expect(open.textContent).toContain('nikhil asks orders:place for arjun for 8 hours');
    expect(open.textContent).toContain('Unassigned');
    expect(buttonByText(open, 'Claim')).toBeDefined();
    expect(buttonByText(open, 'Unclaim')).toBeUndefined();
    expect(buttonByText(open, 'Open')).toBeDefined();
    expect(buttonByText(mine, 'Unclaim')).toBeDefined();
    expect(buttonByText(mine, 'Claim')).toBeUndefined();
    expect(api.list).toHaveBeenCalledWith(NO_FILTER, { page: 0, size: 50 }, undefined);
  });

  it('shows the total and asks the server for the next page', async () => {
    const api = fakeApi();
    api.list.mockReturnValue(of(pageOf([OPEN, MINE], 120)));
    const { fixture, element } = await render(api);
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain(
      'of 120',
    );

    (element.querySelector('button[aria-label="Next page"]') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(api.list).toHaveBeenLastCalledWith(NO_FILTER, { page: 1, size: 50 }, undefined);
  });

  it('filters by process and partner', async () => {
    const { fixture, element, api } = await render();
    typeInto(getByLabel(element, 'Process'), 'delegation-approval');
    typeInto(getByLabel(element, 'Partner'), 'nikhil');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await fixture.whenStable();
    expect(api.list).toHaveBeenLastCalledWith(
      { ...NO_FILTER, process: 'delegation-approval', partner: 'nikhil' },
      { page: 0, size: 50 },
      undefined,
    );
  });

  it('claims and unclaims a task', async () => {
    const { fixture, element, api } = await render();
    buttonByText(rows(element)[0], 'Claim')!.click();
    await fixture.whenStable();
    expect(api.claim).toHaveBeenCalledWith('t-1');
    expect(buttonByText(rows(element)[0], 'Unclaim')).toBeDefined();

    buttonsByText(element, 'Unclaim')[1].click();
    await fixture.whenStable();
    expect(api.unclaim).toHaveBeenCalledWith('t-2');
  });

  it('reads durations in words and marks a task about a critical scope', async () => {
    const { element } = await render();
    const [critical, plain] = rows(element);
    const summary = (row: HTMLElement) => accessibleText(row.querySelectorAll('td')[2]);
    expect(summary(critical)).toBe('nikhil asks orders:place for arjun for 8 hours critical');
    expect(accessibleText(critical.querySelector('.chip.critical')!)).toBe('critical');
    expect(summary(plain)).toBe('nikhil → bot');
    expect(plain.querySelector('.chip')).toBeNull();
  });

  it('opens a task, claims it and approves it with a comment', async () => {
    const { fixture, element, api } = await render();
    buttonByText(rows(element)[0], 'Open')!.click();
    await fixture.whenStable();

    const detail = element.querySelector('app-task-detail')!;
    expect(api.get).toHaveBeenCalledWith('t-1');
    const text = detail.textContent!;
    expect(text).toContain('Requester');
    expect(text).toContain('Delegate');
    expect(text).toContain('arjun');
    expect(text).toContain('orders:place, reports:read');
    expect(text).toContain('8 hours');
    expect(text).not.toContain('PT8H');
    expect(text).toContain('Holiday cover');
    expect(text).toContain('vikram approved');
    expect(text).toContain('Approvals required');
    expect(text).not.toContain('Bot');

    expect(detail.querySelector('mat-hint')?.textContent).toContain(
      'Comment (required when rejecting)',
    );
    typeInto(getByLabel(detail, 'Comment'), 'Looks right');
    buttonByText(detail, 'Approve')!.click();
    await fixture.whenStable();

    expect(api.claim).toHaveBeenCalledWith('t-1');
    expect(api.complete).toHaveBeenCalledWith('t-1', { approved: true, comment: 'Looks right' });
    expect(element.querySelector('[role="status"]')?.textContent).toBe(TASK_COMPLETED);
    expect(element.querySelector('app-task-detail')).toBeNull();
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('rejects a claimed task without claiming it again', async () => {
    const api = fakeApi();
    api.get.mockReturnValue(of({ ...DETAIL, id: 't-2', assignee: 'priya' }));
    const { fixture, element } = await render(api);
    buttonByText(rows(element)[1], 'Open')!.click();
    await fixture.whenStable();

    buttonByText(element.querySelector('app-task-detail')!, 'Reject')!.click();
    await fixture.whenStable();
    expect(api.claim).not.toHaveBeenCalled();
    expect(api.complete).toHaveBeenCalledWith('t-2', { approved: false, comment: '' });
  });

  it('completes a task without decision fields with "Complete"', async () => {
    const api = fakeApi();
    api.get.mockReturnValue(
      of({ ...DETAIL, id: 't-2', assignee: 'priya', name: 'Confirm with MFA', fields: [] }),
    );
    const { fixture, element } = await render(api);
    buttonByText(rows(element)[1], 'Open')!.click();
    await fixture.whenStable();

    const detail = element.querySelector('app-task-detail')!;
    expect(buttonByText(detail, 'Approve')).toBeUndefined();
    expect(buttonByText(detail, 'Reject')).toBeUndefined();
    expect(queryByLabel(detail, 'Comment')).toBeNull();
    buttonByText(detail, 'Complete')!.click();
    await fixture.whenStable();
    expect(api.complete).toHaveBeenCalledWith('t-2', {});
    expect(element.querySelector('[role="status"]')?.textContent).toBe(TASK_COMPLETED);
  });

  it('approves with the comment typed into the task form deployed with its process', async () => {
    const api = fakeApi();
    api.form.mockReturnValue(
      of({
        schema: {
          id: 'approve-delegation',
          type: 'default',
          components: [
            { id: 'Field_Approved', key: 'approved', type: 'checkbox', label: 'Approve' },
            { id: 'Field_Comment', key: 'comment', type: 'textarea', label: 'Comment' },
          ],
        },
        data: {},
      }),
    );
    const { fixture, element } = await render(api);
    buttonByText(rows(element)[0], 'Open')!.click();
    await fixture.whenStable();
    const detail = element.querySelector('app-task-detail')!;
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(detail.querySelector('.fjs-form textarea')).toBeTruthy();
      expect(detail.textContent, 'the plain comment field').not.toContain(
        'required when rejecting',
      );
    });
    expect(detail.querySelector('input[type="checkbox"]')).toBeNull();
    typeInto(getByLabel(detail, 'Comment'), 'Looks right');
    buttonByText(detail, 'Approve')!.click();
    await fixture.whenStable();

    expect(api.complete).toHaveBeenCalledWith('t-1', { approved: true, comment: 'Looks right' });
  });

  it('shows the problem of a failed completion in an alert', async () => {
    const api = fakeApi();
    api.complete.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 403,
            error: { status: 403, detail: 'You cannot approve your own request' },
          }),
      ),
    );
    const { fixture, element } = await render(api);
    buttonByText(rows(element)[0], 'Open')!.click();
    await fixture.whenStable();
    buttonByText(element, 'Approve')!.click();
    await fixture.whenStable();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'You cannot approve your own request',
    );
    expect(element.querySelector('[role="status"]')?.textContent).toBe('');
  });

  it('shows each saved filter with its count and applies its criteria', async () => {
    const { fixture, element, api } = await render();
    const saved = element.querySelector('button[aria-label="critical, due today, 3 open"]');
    expect(saved).not.toBeNull();
    (saved as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 350));
    await fixture.whenStable();
    expect(api.list).toHaveBeenLastCalledWith(
      { ...NO_FILTER, due: 'today', priority: 80 },
      { page: 0, size: 50 },
      undefined,
    );
    expect(saved!.getAttribute('aria-pressed')).toBe('true');
  });

  it('reassigns the selected tasks to a candidate and lists who could not take which', async () => {
    const api = fakeApi();
    api.bulk.mockReturnValue(
      of({
        results: [
          { taskId: 't-1', outcome: 'done', status: 204, detail: null },
          {
            taskId: 't-2',
            outcome: 'not-a-candidate',
            status: 403,
            detail: 'vikram is not a candidate of this task.',
          },
        ],
      }),
    );
    const { fixture, element } = await render(api);
    (
      element.querySelector('input[aria-label="Select all tasks on this page"]') as HTMLElement
    ).click();
    await fixture.whenStable();

    expect(buttonByText(element, 'Reassign selected')!.disabled).toBe(true);
    typeInto(getByLabel(element, 'Reassign to (username)'), ' vikram ');
    await fixture.whenStable();
    buttonByText(element, 'Reassign selected')!.click();
    await fixture.whenStable();

    expect(api.bulk).toHaveBeenCalledWith({
      action: 'reassign',
      taskIds: ['t-1', 't-2'],
      assignee: 'vikram',
    });
    const results = element.querySelector('[aria-label="Results of the last bulk action"]')!;
    expect(results.textContent).toContain('refused — vikram is not a candidate of this task.');
  });

  it('approves the selected tasks with one comment and lists what each came to', async () => {
    const api = fakeApi();
    api.bulk.mockReturnValue(
      of({
        results: [
          { taskId: 't-1', outcome: 'done', status: 204, detail: null },
          {
            taskId: 't-2',
            outcome: 'task-completed',
            status: 409,
            detail: 'vikram completed this task at 2026-12-04T09:58:00Z.',
          },
        ],
      }),
    );
    const { fixture, element } = await render(api);
    (
      element.querySelector('input[aria-label="Select all tasks on this page"]') as HTMLElement
    ).click();
    await fixture.whenStable();
    expect(element.textContent).toContain('2 selected');

    typeInto(getByLabel(element, 'Comment for all'), 'Covered');
    buttonByText(element, 'Approve selected')!.click();
    await fixture.whenStable();

    expect(api.bulk).toHaveBeenCalledWith({
      action: 'complete',
      taskIds: ['t-1', 't-2'],
      values: { approved: true, comment: 'Covered' },
    });
    const results = element.querySelector('[aria-label="Results of the last bulk action"]')!;
    expect(results.textContent).toContain('done');
    expect(results.textContent).toContain('refused — vikram completed this task');
    expect(element.querySelector('[role="status"]')?.textContent).toBe('1 of 2 done');
  });

  it('says who took a task that was claimed meanwhile', async () => {
    const api = fakeApi();
    api.claim.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              type: 'https://partner-workspace/problems/task-claimed',
              detail: 'priya took this task.',
              takenBy: 'vikram',
              takenAt: new Date(Date.now() - 120_000).toISOString(),
            },
          }),
      ),
    );
    const { fixture, element } = await render(api);
    buttonByText(rows(element)[0], 'Claim')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'vikram took this 2 minutes ago.',
    );
  });

  it('triages by keyboard: j moves to the next task, c claims it, x selects it', async () => {
    const api = fakeApi();
    api.list.mockReturnValue(of(pageOf([MINE, OPEN])));
    const { fixture, element } = await render(api);
    const press = (key: string) =>
      element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    press('j');
    await fixture.whenStable();
    expect(rows(element)[1].getAttribute('aria-current')).toBe('true');
    press('c');
    await fixture.whenStable();
    expect(api.claim).toHaveBeenCalledWith('t-1');
    press('x');
    await fixture.whenStable();
    expect(element.textContent).toContain('1 selected');
    expect(element.querySelector('#inbox-shortcuts')?.textContent).toContain('approve selected');
  });
});
