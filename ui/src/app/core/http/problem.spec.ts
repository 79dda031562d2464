import { HttpErrorResponse } from '@angular/common/http';
import { problemMessage } from './problem';

describe('problemMessage', () => {
  it('uses the problem detail', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Credential already revoked',
      },
    });
    expect(problemMessage(error)).toBe('Credential already revoked');
  });

  it('parses a problem sent as text and falls back to the title', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: '{"title":"Bad Request","status":400}',
    });
    expect(problemMessage(error)).toBe('Bad Request');
  });

  it('explains network failures and bare statuses', () => {
    expect(problemMessage(new HttpErrorResponse({ status: 0 }))).toBe(
      'Cannot reach the workspace server',
    );
    expect(problemMessage(new HttpErrorResponse({ status: 502, error: null }))).toBe(
      'Request failed (502)',
    );
  });
});
