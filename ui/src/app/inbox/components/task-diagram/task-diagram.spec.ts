import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { InboxApi } from '../../inbox-api';
import { TaskDiagram } from '../../inbox.models';
import { DIAGRAM_VIEWER, DiagramViewer } from './bpmn-viewer';
import { TaskDiagramPanel } from './task-diagram';

const DIAGRAM: TaskDiagram = {
  xml: '<definitions/>',
  activeActivityIds: ['Task_ApproveDelegation'],
  completedActivityIds: ['Event_DelegationRequested', 'Task_ConfirmWithMfa'],
};
const NAMES: Record<string, string> = {
  Task_ApproveDelegation: 'Approve delegation',
  Event_DelegationRequested: 'Delegation requested',
  Task_ConfirmWithMfa: 'Confirm with MFA',
};

async function render(diagram = of(DIAGRAM)) {
  const viewer = {
    show: vi.fn(async () => undefined),
    mark: vi.fn(),
    nameOf: (id: string) => NAMES[id] ?? id,
    destroy: vi.fn(),
  } satisfies DiagramViewer;
  TestBed.configureTestingModule({
    imports: [TaskDiagramPanel],
    providers: [
      { provide: InboxApi, useValue: { diagram: vi.fn(() => diagram) } },
      { provide: DIAGRAM_VIEWER, useValue: async () => viewer },
    ],
  });
  const fixture = TestBed.createComponent(TaskDiagramPanel);
  fixture.componentRef.setInput('taskId', 't-1');
  fixture.detectChanges();
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
  return { fixture, element: fixture.nativeElement as HTMLElement, viewer };
}

describe('TaskDiagramPanel', () => {
  it('shows the model, marks the current step and the steps passed, and says both in words', async () => {
    const { element, viewer } = await render();

    expect(viewer.show).toHaveBeenCalledWith('<definitions/>');
    expect(viewer.mark).toHaveBeenCalledWith('Task_ApproveDelegation', 'current');
    expect(viewer.mark).toHaveBeenCalledWith('Event_DelegationRequested', 'completed');
    expect(viewer.mark).toHaveBeenCalledWith('Task_ConfirmWithMfa', 'completed');
    expect(element.textContent).toContain(
      'Now at: Approve delegation. Done so far: Delegation requested, Confirm with MFA.',
    );
  });

  it('says when the diagram cannot be loaded', async () => {
    const { element, viewer } = await render(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 404,
            error: { detail: 'There is no such open task for you.' },
          }),
      ),
    );

    expect(viewer.show).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('could not be shown');
  });
});
