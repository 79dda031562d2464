import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
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

describe('TaskDetailPanel', () => {
  it('opens the guide section of a "Fix connection" task beside it, not as a row', async () => {
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
          },
        },
        { provide: DIAGRAM_VIEWER, useValue: async () => noDiagram },
        {
          provide: MeStore,
          useValue: { me: signal({ username: 'nitin' }), ensureLoaded: vi.fn() },
        },
      ],
    });
    const fixture = TestBed.createComponent(TaskDetailPanel);
    fixture.componentRef.setInput('task', FIX_CONNECTION);
    fixture.detectChanges();
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
