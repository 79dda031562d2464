import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { InboxApi } from '../../inbox-api';
import { TaskForm } from '../../inbox.models';
import { TaskFormPanel } from './task-form';

/** The approve-delegation form as processes/approve-delegation.form deploys it. */
const APPROVAL: TaskForm = {
  schema: {
    id: 'approve-delegation',
    type: 'default',
    schemaVersion: 16,
    components: [
      { id: 'Field_Approved', key: 'approved', type: 'checkbox', label: 'Approve' },
      {
        id: 'Field_Comment',
        key: 'comment',
        type: 'textarea',
        label: 'Comment',
        validate: { maxLength: 2000 },
      },
    ],
  },
  data: { comment: 'Checked with nikhil' },
};

/** The fix-connection form: one required choice. */
const FIX: TaskForm = {
  schema: {
    id: 'fix-connection',
    type: 'default',
    schemaVersion: 16,
    components: [
      {
        id: 'Field_Decision',
        key: 'decision',
        type: 'radio',
        label: 'Decision',
        validate: { required: true },
        values: [
          { label: 'Retry', value: 'retry' },
          { label: 'Cancel', value: 'cancel' },
        ],
      },
    ],
  },
  data: {},
};

async function render(form: Observable<TaskForm>, leaveOut: string[] = []) {
  TestBed.configureTestingModule({
    imports: [TaskFormPanel],
    providers: [{ provide: InboxApi, useValue: { form: vi.fn(() => form) } }],
  });
  const fixture = TestBed.createComponent(TaskFormPanel);
  const loaded: boolean[] = [];
  fixture.componentInstance.loaded.subscribe((value) => loaded.push(value));
  fixture.componentRef.setInput('taskId', 't-1');
  fixture.componentRef.setInput('leaveOut', leaveOut);
  fixture.detectChanges();
  await vi.waitFor(() => expect(loaded.length).toBe(1), { timeout: 5000 });
  fixture.detectChanges();
  return { fixture, element: fixture.nativeElement as HTMLElement, loaded };
}

describe('TaskFormPanel', () => {
  it('renders the deployed form with its values, leaving out the fields the detail offers itself', async () => {
    const { fixture, element, loaded } = await render(of(APPROVAL), ['approved']);

    expect(loaded).toEqual([true]);
    const comment = element.querySelector('textarea') as HTMLTextAreaElement;
    expect(comment).toBeTruthy();
    expect(element.querySelector(`label[for="${comment.id}"]`)?.textContent?.trim()).toBe(
      'Comment',
    );
    expect(comment.value).toBe('Checked with nikhil');
    expect(element.querySelector('input[type="checkbox"]')).toBeNull();

    expect(fixture.componentInstance.collect()).toEqual({ comment: 'Checked with nikhil' });
  });

  it('keeps a required field from being sent empty and says so beside it', async () => {
    const { fixture, element } = await render(of(FIX));

    expect(fixture.componentInstance.collect()).toBeNull();
    fixture.detectChanges();
    await vi.waitFor(() => expect(element.textContent).toContain('Field is required.'));

    const retry = [...element.querySelectorAll('label')].find(
      (label) => label.textContent?.trim() === 'Retry',
    );
    expect(retry).toBeTruthy();
    retry?.click();
    await vi.waitFor(() =>
      expect(fixture.componentInstance.collect()).toEqual({ decision: 'retry' }),
    );
  });

  it('says the task has no form when its process deploys none', async () => {
    const { element, loaded, fixture } = await render(
      throwError(() => new HttpErrorResponse({ status: 404, statusText: 'Not Found' })),
    );

    expect(loaded).toEqual([false]);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(fixture.componentInstance.collect()).toEqual({});
  });
});
