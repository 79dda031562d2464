import { HttpErrorResponse } from '@angular/common/http';
import { takenMessage } from './taken';

function conflict(body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status: 409, error: body });
}

describe('takenMessage', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');

  it('names who took the task and how long ago', () => {
    const error = conflict({
      type: 'https://partner-workspace/problems/task-claimed',
      detail: 'priya took this task at 2026-12-04T09:58:00Z.',
      takenBy: 'priya',
      takenAt: '2026-12-04T09:58:00Z',
    });
    expect(takenMessage(error, now)).toBe('priya took this 2 minutes ago.');
  });

  it('says completed for a task someone decided first', () => {
    const error = conflict({
      type: 'https://partner-workspace/problems/task-completed',
      takenBy: 'vikram',
      takenAt: '2026-12-04T09:00:00Z',
    });
    expect(takenMessage(error, now)).toBe('vikram completed this 1 hour ago.');
  });

  it('keeps any other problem in its own words', () => {
    expect(
      takenMessage(
        conflict({ detail: 'Only the person who claimed the task can give it back.' }),
        now,
      ),
    ).toBe('Only the person who claimed the task can give it back.');
  });
});
