import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  queryByLabel,
  typeInto,
} from '../../../shared/testing/dom-queries';
import { DelegationsApi } from '../../delegations-api';
import { SCOPES, delegation } from '../../testing/delegation-fixtures';
import { DelegationRequestForm } from './delegation-request-form';

async function render() {
  const api = { request: vi.fn() };
  TestBed.configureTestingModule({
    imports: [DelegationRequestForm],
    providers: [{ provide: DelegationsApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(DelegationRequestForm);
  fixture.componentRef.setInput('scopes', SCOPES);
  fixture.componentRef.setInput('team', [{ username: 'arjun', displayName: 'Arjun Mehta' }]);
  const requested = vi.fn();
  fixture.componentInstance.requested.subscribe(requested);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, api, requested };
}

/** Opens the "Delegate" select and picks the option with this text. */
async function chooseDelegate(
  fixture: Awaited<ReturnType<typeof render>>['fixture'],
  text: string,
) {
  const element = fixture.nativeElement as HTMLElement;
  const select = getByLabel(element, 'Delegate');
  (select.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
  await fixture.whenStable();
  const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
  expect(options.map(accessibleText)).toEqual(['Arjun Mehta (arjun)', 'New bot']);
  options.find((option) => accessibleText(option) === text)!.click();
  await fixture.whenStable();
}

/** Picks a duration the way a person does: the number, then the unit (as Playwright finds them). */
async function pickDuration(
  fixture: Awaited<ReturnType<typeof render>>['fixture'],
  amount: string,
  unit: string,
) {
  const element = fixture.nativeElement as HTMLElement;
  const number = getByLabel(element, 'Duration') as HTMLInputElement;
  expect(number.type).toBe('number');
  typeInto(number, amount);
  const select = element.querySelector<HTMLElement>('mat-select[aria-label="Duration unit"]')!;
  expect(select.getAttribute('role')).toBe('combobox');
  (select.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
  await fixture.whenStable();
  const panel = document.getElementById(select.getAttribute('aria-controls')!)!;
  Array.from(panel.querySelectorAll<HTMLElement>('mat-option'))
    .find((option) => accessibleText(option) === unit)!
    .click();
  await fixture.whenStable();
}

describe('DelegationRequestForm', () => {
  it('requests a delegation to a teammate', async () => {
    const { fixture, element, api, requested } = await render();
    const created = delegation();
    api.request.mockReturnValue(of(created));

    await chooseDelegate(fixture, 'Arjun Mehta (arjun)');
    getByLabel(element, 'orders:place').click();
    typeInto(getByLabel(element, 'Justification'), 'Holiday cover');
    buttonByText(element, 'Request delegation')!.click();
    await fixture.whenStable();

    expect(api.request).toHaveBeenCalledWith({
      delegate: 'arjun',
      scopes: ['orders:place'],
      duration: 'PT8H',
      justification: 'Holiday cover',
    });
    expect(requested).toHaveBeenCalledWith(created);
    expect((getByLabel(element, 'Justification') as HTMLTextAreaElement).value).toBe('');
  });

  it("limits a delegation to one of the partner's connections (never a revoked one)", async () => {
    const { fixture, element, api } = await render();
    fixture.componentRef.setInput('connections', [
      { id: 'c-1', label: 'Main account', state: 'ACTIVE' },
      { id: 'c-2', label: 'Old account', state: 'REVOKED' },
    ]);
    await fixture.whenStable();
    api.request.mockReturnValue(of(delegation()));

    await chooseDelegate(fixture, 'Arjun Mehta (arjun)');
    const connection = getByLabel(element, 'Connection');
    (connection.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const panel = document.getElementById(connection.getAttribute('aria-controls')!)!;
    const options = Array.from(panel.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map(accessibleText)).toEqual(['All connections', 'Main account']);
    options[1].click();
    await fixture.whenStable();
    getByLabel(element, 'reports:read').click();
    typeInto(getByLabel(element, 'Justification'), 'Watch one account');
    buttonByText(element, 'Request delegation')!.click();
    await fixture.whenStable();

    expect(api.request).toHaveBeenCalledWith({
      delegate: 'arjun',
      scopes: ['reports:read'],
      connection: 'c-1',
      duration: 'PT8H',
      justification: 'Watch one account',
    });
  });

  it('asks for the bot name when "New bot" is chosen', async () => {
    const { fixture, element, api } = await render();
    api.request.mockReturnValue(of(delegation()));

    await chooseDelegate(fixture, 'New bot');
    typeInto(getByLabel(element, 'Bot name'), 'nightly-report');
    getByLabel(element, 'reports:read').click();
    await pickDuration(fixture, '1', 'days');
    typeInto(getByLabel(element, 'Justification'), 'Reports');
    buttonByText(element, 'Request delegation')!.click();
    await fixture.whenStable();

    expect(api.request).toHaveBeenCalledWith({
      bot: { name: 'nightly-report' },
      scopes: ['reports:read'],
      duration: 'P1D',
      justification: 'Reports',
    });
  });

  it('offers the duration as a number and a unit, in words, and sends ISO-8601', async () => {
    const { fixture, element, api } = await render();
    api.request.mockReturnValue(of(delegation()));
    expect((getByLabel(element, 'Duration') as HTMLInputElement).value).toBe('8');
    const unit = element.querySelector('mat-select[aria-label="Duration unit"]')!;
    expect(accessibleText(unit)).toBe('hours');
    expect(element.textContent).toContain('(at most 8 hours)');
    expect(element.textContent).toContain('(at most 7 days)');
    expect(element.textContent).not.toMatch(/\bP(T\d|\d)/);

    await chooseDelegate(fixture, 'Arjun Mehta (arjun)');
    getByLabel(element, 'orders:place').click();
    await fixture.whenStable();
    expect(element.textContent).toContain('At most 8 hours for these scopes');
    await pickDuration(fixture, '90', 'minutes');
    typeInto(getByLabel(element, 'Justification'), 'Short cover');
    buttonByText(element, 'Request delegation')!.click();
    await fixture.whenStable();
    expect(api.request).toHaveBeenCalledWith(expect.objectContaining({ duration: 'PT90M' }));
  });

  it('does not send an incomplete request', async () => {
    const { fixture, element, api } = await render();
    buttonByText(element, 'Request delegation')!.click();
    await fixture.whenStable();
    expect(api.request).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Choose at least one scope');
    expect(queryByLabel(element, 'Bot name')).toBeNull();
  });

  it('shows the problem detail and the field errors of a 400', async () => {
    const { fixture, element, api } = await render();
    api.request.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 400,
            error: {
              type: 'https://partner-workspace/problems/invalid-request',
              title: 'Bad Request',
              status: 400,
              detail: 'The delegation request is invalid',
              errors: [
                { field: 'duration', message: 'must be at most PT8H for orders:place' },
                { field: 'scopes', message: 'a bot cannot get a critical scope' },
                { field: 'other', message: 'is odd' },
              ],
            },
          }),
      ),
    );

    await chooseDelegate(fixture, 'Arjun Mehta (arjun)');
    getByLabel(element, 'orders:place').click();
    await pickDuration(fixture, '2', 'days');
    typeInto(getByLabel(element, 'Justification'), 'Holiday cover');
    buttonByText(element, 'Request delegation')!.click();
    await fixture.whenStable();

    const alert = element.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('The delegation request is invalid');
    expect(alert.textContent).toContain('other: is odd');
    const duration = getByLabel(element, 'Duration').closest('mat-form-field')!;
    expect(duration.querySelector('mat-error')?.textContent).toContain(
      'must be at most 8 hours for orders:place',
    );
    expect(element.querySelector('#request-scopes-error')?.textContent).toContain(
      'a bot cannot get a critical scope',
    );

    // Editing the field clears its server message.
    typeInto(getByLabel(element, 'Duration'), '8');
    await fixture.whenStable();
    expect(duration.querySelector('mat-error')).toBeNull();
  });
});
