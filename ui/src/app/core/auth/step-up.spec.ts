import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { AuthService } from './auth.service';
import { StepUp } from './step-up';

const KEY = 'pw.test.pending';

function refusal(type: string) {
  return new HttpErrorResponse({
    status: 403,
    error: { type: `https://partner-workspace/problems/${type}`, title: 'Forbidden', status: 403 },
  });
}

describe('StepUp', () => {
  let stepUp: StepUp;
  const auth = { stepUp: vi.fn() };

  beforeEach(() => {
    auth.stepUp.mockReset();
    TestBed.configureTestingModule({ providers: [{ provide: AuthService, useValue: auth }] });
    stepUp = TestBed.inject(StepUp);
  });

  afterEach(() => sessionStorage.removeItem(KEY));

  it('remembers the request and steps up when the engine asks for a fresh MFA login', () => {
    const started = stepUp.startIfRequired(
      refusal('mfa-step-up-required'),
      KEY,
      { connectionId: 'c-1' },
      '/credentials?share=c-1',
    );
    expect(started).toBe(true);
    expect(auth.stepUp).toHaveBeenCalledWith('/credentials?share=c-1');
    expect(stepUp.take(KEY)).toEqual({ connectionId: 'c-1' });
    expect(stepUp.take(KEY)).toBeNull();
  });

  it('does nothing for another refusal', () => {
    expect(stepUp.startIfRequired(refusal('forbidden'), KEY, 'd-1', '/delegations')).toBe(false);
    expect(auth.stepUp).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('takes nothing from a value that is not its own JSON', () => {
    sessionStorage.setItem(KEY, 'not json');
    expect(stepUp.take(KEY)).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });
});
