import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { InboxApi } from '../../inbox-api';
import { TaskHistoryPanel } from './task-history';

describe('TaskHistoryPanel', () => {
  it('lists the steps oldest first with who did them', async () => {
    TestBed.configureTestingModule({
      imports: [TaskHistoryPanel],
      providers: [
        {
          provide: InboxApi,
          useValue: {
            history: vi.fn(() =>
              of([
                {
                  at: '2026-12-04T10:00:00Z',
                  who: null,
                  what: 'Delegation requested: started',
                  activityId: 'Event_DelegationRequested',
                },
                {
                  at: '2026-12-04T10:05:00Z',
                  who: 'vikram',
                  what: 'took the task',
                  activityId: null,
                },
              ]),
            ),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(TaskHistoryPanel);
    fixture.componentRef.setInput('taskId', 't-1');
    await fixture.whenStable();
    fixture.detectChanges();

    const items = (fixture.nativeElement as HTMLElement).querySelectorAll(
      '[aria-label="Task history"] li',
    );
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Delegation requested: started');
    expect(items[1].textContent).toContain('vikram · took the task');
  });
});
