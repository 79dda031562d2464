import { HttpErrorResponse } from '@angular/common/http';
import { hasProblemType, problemFieldErrors, problemMessage } from './problem';

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

  it('reads durations in words', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        title: 'Bad Request',
        status: 400,
        detail: 'orders:place is granted for at most PT720H',
      },
    });
    expect(problemMessage(error)).toBe('orders:place is granted for at most 30 days');
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

describe('hasProblemType', () => {
  it('matches the slug of the problem type', () => {
    const error = new HttpErrorResponse({
      status: 403,
      error: {
        type: 'https://partner-workspace/problems/mfa-step-up-required',
        title: 'Forbidden',
        status: 403,
      },
    });
    expect(hasProblemType(error, 'mfa-step-up-required')).toBe(true);
    expect(hasProblemType(error, 'step-up-required')).toBe(false);
    expect(hasProblemType(new HttpErrorResponse({ status: 403 }), 'mfa-step-up-required')).toBe(
      false,
    );
    expect(hasProblemType(new Error('x'), 'mfa-step-up-required')).toBe(false);
  });
});

describe('problemFieldErrors', () => {
  it('indexes the messages by field', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        status: 400,
        detail: 'Invalid request',
        errors: [
          { field: 'duration', message: 'must be at most PT8H' },
          { field: 'duration', message: 'second' },
          { field: 'justification', message: 'must not be blank' },
        ],
      },
    });
    expect(problemFieldErrors(error)).toEqual({
      duration: 'must be at most PT8H',
      justification: 'must not be blank',
    });
    expect(problemFieldErrors(new HttpErrorResponse({ status: 500 }))).toEqual({});
  });
});
