import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, of } from 'rxjs';
import { MeStore } from '../../../core/me/me.store';
import {
  buttonByText,
  buttonsByText,
  getByLabel,
  typeInto,
} from '../../../shared/testing/dom-queries';
import { InboxApi } from '../../inbox-api';
import { TaskComment } from '../../inbox.models';
import { TaskCommentsPanel } from './task-comments';

const MINE: TaskComment = {
  id: 'c-1',
  author: 'priya',
  text: 'Why a full hour?',
  createdAt: '2026-12-04T10:00:00Z',
  updatedAt: null,
};
const THEIRS: TaskComment = { ...MINE, id: 'c-2', author: 'nikhil', text: 'The market opens late' };

async function render(comments: TaskComment[] = [MINE, THEIRS]) {
  const api = {
    comments: vi.fn(() => of(comments)),
    addComment: vi.fn<(id: string, text: string) => Observable<TaskComment>>(() => of(MINE)),
    editComment: vi.fn<(id: string, commentId: string, text: string) => Observable<TaskComment>>(
      () => of(MINE),
    ),
    deleteComment: vi.fn<(id: string, commentId: string) => Observable<void>>(() => of(undefined)),
  };
  TestBed.configureTestingModule({
    imports: [TaskCommentsPanel],
    providers: [
      { provide: InboxApi, useValue: api },
      { provide: MeStore, useValue: { me: signal({ username: 'priya' }), ensureLoaded: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(TaskCommentsPanel);
  fixture.componentRef.setInput('taskId', 't-1');
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, element: fixture.nativeElement as HTMLElement, api };
}

describe('TaskCommentsPanel', () => {
  it('shows every comment and offers Edit and Delete only on my own', async () => {
    const { element } = await render();

    const items = element.querySelectorAll('[aria-label="Comments"] li');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Why a full hour?');
    expect(buttonsByText(items[0], 'Edit')).toHaveLength(1);
    expect(buttonsByText(items[1], 'Edit')).toHaveLength(0);
    expect(buttonsByText(items[1], 'Delete')).toHaveLength(0);
  });

  it('posts a comment trimmed and reloads the list; a blank one cannot be posted', async () => {
    const { fixture, element, api } = await render();
    const post = buttonByText(element, 'Post comment')!;
    expect(post.disabled).toBe(true);

    typeInto(getByLabel(element, 'Add a comment'), '   ');
    fixture.detectChanges();
    expect(post.disabled).toBe(true);

    typeInto(getByLabel(element, 'Add a comment'), '  Looks fine to me ');
    fixture.detectChanges();
    post.click();
    await fixture.whenStable();

    expect(api.addComment).toHaveBeenCalledWith('t-1', 'Looks fine to me');
    expect(api.comments).toHaveBeenCalledTimes(2);
  });

  it('edits and deletes my own comment', async () => {
    const { fixture, element, api } = await render();
    buttonByText(element, 'Edit')!.click();
    fixture.detectChanges();

    typeInto(getByLabel(element, 'Edit your comment'), 'Why a full hour, nikhil?');
    fixture.detectChanges();
    buttonByText(element, 'Save comment')!.click();
    await fixture.whenStable();
    expect(api.editComment).toHaveBeenCalledWith('t-1', 'c-1', 'Why a full hour, nikhil?');

    fixture.detectChanges();
    buttonByText(element, 'Delete')!.click();
    await fixture.whenStable();
    expect(api.deleteComment).toHaveBeenCalledWith('t-1', 'c-1');
  });

  it('says when there are no comments yet', async () => {
    const { element } = await render([]);
    expect(element.textContent).toContain('No comments yet.');
  });
});
