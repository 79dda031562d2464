import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  typeInto,
} from '../../../shared/testing/dom-queries';
import { AlertsApi } from '../../alerts-api';
import { alert } from '../../testing/alert-fixtures';
import { TestAlertForm } from './test-alert-form';

async function render() {
  const api = { raiseTest: vi.fn() };
  TestBed.configureTestingModule({
    imports: [TestAlertForm],
    providers: [{ provide: AlertsApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(TestAlertForm);
  const raised = vi.fn();
  fixture.componentInstance.raised.subscribe(raised);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, api, raised };
}

describe('TestAlertForm', () => {
  it('raises a test alert for the partner with the chosen severity', async () => {
    const { fixture, element, api, raised } = await render();
    const created = alert({ id: 'a-9', type: 'test', severity: 'CRITICAL' });
    api.raiseTest.mockReturnValue(of(created));

    expect(accessibleText(element.querySelector('h2')!)).toBe('Raise a test alert');
    const severity = getByLabel(element, 'Severity');
    expect(severity.getAttribute('role')).toBe('combobox');
    expect(accessibleText(severity)).toBe('Warning');

    typeInto(getByLabel(element, 'Partner'), ' nitin ');
    (severity.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map(accessibleText)).toEqual(['Info', 'Warning', 'Critical']);
    options[2].click();
    await fixture.whenStable();

    buttonByText(element, 'Raise test alert')!.click();
    await fixture.whenStable();

    expect(api.raiseTest).toHaveBeenCalledWith({ partner: 'nitin', severity: 'CRITICAL' });
    expect(raised).toHaveBeenCalledWith(created);
  });

  it('asks for the partner before sending', async () => {
    const { fixture, element, api } = await render();
    buttonByText(element, 'Raise test alert')!.click();
    await fixture.whenStable();
    expect(api.raiseTest).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Enter the partner to alert');
  });

  it('shows the problem when the engine refuses', async () => {
    const { fixture, element, api, raised } = await render();
    api.raiseTest.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 403,
            error: { status: 403, title: 'Forbidden', detail: 'Only ops can raise test alerts' },
          }),
      ),
    );
    typeInto(getByLabel(element, 'Partner'), 'nitin');
    buttonByText(element, 'Raise test alert')!.click();
    await fixture.whenStable();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Only ops can raise test alerts',
    );
    expect(raised).not.toHaveBeenCalled();
  });
});
