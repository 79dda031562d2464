import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { provideRouter } from '@angular/router';
import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import { MeStore } from '../../../core/me/me.store';
import { accessibleText } from '../../../shared/testing/dom-queries';
import { InboxApi } from '../../inbox-api';
import { TaskDetail } from '../../inbox.models';
import { DIAGRAM_VIEWER, DiagramViewer } from '../task-diagram/bpmn-viewer';
import { TaskDetailPanel } from './task-detail';

const noDiagram: DiagramViewer = {
  show: async () => undefined,
  mark: () => undefined,
  nameOf: (id) => id,
  destroy: () => undefined,
};

const FIX_CONNECTION: TaskDetail = {
  id: 't-9',
  name: 'Fix connection',
  process: 'partner-onboarding',
  partner: 'nitin',
  assignee: 'nitin',
  created: '2026-12-04T10:00:00Z',
  due: null,
  summary: 'Fix connection "Main account": The broker refused the keys',
  context: {
    connection: 'Main account',
    broker: 'broker-sim',
    state: 'KEYS_REJECTED',
    failure: 'The broker refused the keys',
    detail: 'invalid_client',
    guide: '/diagnostics/guides/keys-rejected#check-the-secret',
  },
  fields: [{ name: 'decision', type: 'string', label: 'retry or cancel' }],
};

const OWN_REQUEST: TaskDetail = {
  id: 't-7',
  name: 'Approve delegation',
  process: 'delegation-approval',
  partner: 'nikhil',
  assignee: null,
  created: '2026-12-04T10:00:00Z',
  due: null,
  summary: 'nikhil asks orders:place for arjun for PT8H',
  context: { requester: 'nikhil', delegate: 'arjun' },
  fields: [
    { name: 'approved', type: 'boolean', label: 'Approve', required: true },
    {
      name: 'comment',
      type: 'string',
      label: 'Comment (required when rejecting)',
      required: false,
    },
  ],
  mayDecide: false,
  mayNotDecideBecause: 'You cannot decide a delegation you asked for or that is for you.',
};

function setUp(task: TaskDetail, username = 'nikhil') {
  TestBed.configureTestingModule({
    imports: [TaskDetailPanel],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      {
        provide: InboxApi,
        useValue: {
          diagram: () =>
            of({ xml: '<definitions/>', activeActivityIds: [], completedActivityIds: [] }),
          history: () => of([]),
          comments: () => of([]),
          form: () => throwError(() => new HttpErrorResponse({ status: 404 })),
        },
      },
      { provide: DIAGRAM_VIEWER, useValue: async () => noDiagram },
      {
        provide: MeStore,
        useValue: { me: signal({ username }), ensureLoaded: vi.fn() },
      },
    ],
  });
  const fixture = TestBed.createComponent(TaskDetailPanel);
  fixture.componentRef.setInput('task', task);
  fixture.detectChanges();
  return fixture;
}

function buttonNames(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('button')).map((button) => accessibleText(button));
}

describe('TaskDetailPanel', () => {
  it('offers no decision the server would refuse, and says why', async () => {
    const fixture = setUp(OWN_REQUEST);
    await fixture.whenStable();
    fixture.detectChanges();

    const element = fixture.nativeElement as HTMLElement;
    expect(buttonNames(element)).not.toContain('Approve');
    expect(buttonNames(element)).not.toContain('Reject');
    expect(accessibleText(element.querySelector('[role="note"]')!)).toBe(
      'You cannot decide a delegation you asked for or that is for you.',
    );
  });

  it('offers Approve and Reject to someone who may decide', async () => {
    const fixture = setUp({ ...OWN_REQUEST, mayDecide: true, mayNotDecideBecause: null });
    await fixture.whenStable();
    fixture.detectChanges();

    const element = fixture.nativeElement as HTMLElement;
    expect(buttonNames(element)).toEqual(expect.arrayContaining(['Approve', 'Reject']));
    expect(element.querySelector('[role="note"]')).toBeNull();
  });

  it('opens the guide section of a "Fix connection" task beside it, not as a row', async () => {
    const fixture = setUp(FIX_CONNECTION, 'nitin');
    TestBed.inject(HttpTestingController)
      .expectOne('/guides/keys-rejected.md')
      .flush(
        '# Keys rejected\n\n## Check the secret {#check-the-secret}\n\n1. Copy the secret again.\n',
      );
    await fixture.whenStable();

    const element = fixture.nativeElement as HTMLElement;
    const terms = Array.from(element.querySelectorAll('dt')).map((dt) => accessibleText(dt));
    expect(terms).toContain('Failure');
    expect(terms).not.toContain('Guide');
    const region = element.querySelector('app-guide-panel [role="region"]')!;
    expect(region.hasAttribute('hidden')).toBe(false);
    expect(accessibleText(region)).toContain('Check the secret');
    expect(region.querySelector('ol li')!.textContent).toContain('Copy the secret again.');
  });
});
