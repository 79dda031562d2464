import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ServerFieldErrors, placeProblem } from './server-field-errors';

function badRequest(errors: { field: string; message: string }[]) {
  return new HttpErrorResponse({
    status: 400,
    error: { title: 'Bad Request', status: 400, detail: 'The request is not valid', errors },
  });
}

function form() {
  return new FormGroup({
    recipient: new FormControl('arjun', { nonNullable: true, validators: Validators.required }),
    ttl: new FormControl('PT1H', { nonNullable: true }),
  });
}

describe('placeProblem', () => {
  it('puts each error on its control, touched, and durations in words', () => {
    const f = form();
    const placed = placeProblem(
      f,
      badRequest([
        { field: 'ttl', message: 'must be at most PT24H' },
        { field: 'recipient', message: 'is not a teammate' },
        { field: 'other', message: 'is odd' },
      ]),
      (field) => (field in f.controls ? field : null),
    );
    expect(placed.message).toBe('The request is not valid');
    expect(placed.byControl).toEqual({
      ttl: 'must be at most 1 day',
      recipient: 'is not a teammate',
    });
    expect(placed.unplaced).toEqual([{ field: 'other', message: 'is odd' }]);
    expect(f.controls.ttl.errors).toEqual({ server: 'must be at most 1 day' });
    expect(f.controls.ttl.touched).toBe(true);
  });

  it('joins the messages of list entries that map to one control', () => {
    const f = form();
    const placed = placeProblem(
      f,
      badRequest([
        { field: 'recipient[0]', message: 'a' },
        { field: 'recipient[1]', message: 'b' },
      ]),
      () => 'recipient',
    );
    expect(placed.byControl).toEqual({ recipient: 'a; b' });
  });
});

describe('ServerFieldErrors', () => {
  it('shows the messages until the field changes, and the rest beside the detail', () => {
    const f = form();
    const server = new ServerFieldErrors(f);
    server.show(
      badRequest([
        { field: 'recipient', message: 'is not a teammate' },
        { field: 'other', message: 'is odd' },
      ]),
    );
    expect(server.message('recipient')).toBe('is not a teammate');
    expect(server.problem()).toBe('The request is not valid');
    expect(server.others()).toEqual(['other: is odd']);

    server.clearProblem();
    expect(server.problem()).toBeNull();
    expect(server.message('recipient')).toBe('is not a teammate');

    f.controls.recipient.setValue('priya');
    expect(server.message('recipient')).toBeUndefined();
    expect(f.controls.recipient.errors).toBeNull();
  });
});
