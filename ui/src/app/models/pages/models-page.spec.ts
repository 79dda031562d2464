import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { buttonByText, typeInto } from '../../shared/testing/dom-queries';
import { ModelsApi } from '../models-api';
import { ModelsPage } from './models-page';

describe('ModelsPage', () => {
  async function render() {
    const api = {
      list: vi.fn(() =>
        of([
          {
            key: 'delegation-approval',
            type: 'bpmn',
            name: 'Delegation approval',
            latestVersion: 3,
            runningInstances: 12,
            incidents: 1,
            diverged: true,
          },
          {
            key: 'alert-routing',
            type: 'dmn',
            name: null,
            latestVersion: 2,
            runningInstances: 0,
            incidents: 0,
          },
        ]),
      ),
      incidents: vi.fn(() =>
        of([
          {
            id: 'i-1',
            type: 'failedJob',
            process: 'credential-rotation',
            processInstanceId: 'pi-1',
            activity: 'Task_WriteSecret',
            message: 'Vault sealed',
            since: '2026-12-04T10:00:00Z',
            retryable: true,
            annotation: null,
          },
        ]),
      ),
      annotate: vi.fn(() => of({ id: 'i-1' })),
      incident: vi.fn(() =>
        of({ incident: { id: 'i-1' }, stacktrace: 'java.lang.IllegalStateException: sealed' }),
      ),
      retry: vi.fn(() => of({ id: 'i-1' })),
      versions: vi.fn(() =>
        of([
          {
            version: 3,
            deployedAt: '2026-12-04T10:00:00Z',
            deployedBy: null,
            approvedBy: null,
            source: 'release',
            runningInstances: 12,
          },
          {
            version: 2,
            deployedAt: '2026-12-03T10:00:00Z',
            deployedBy: 'omar',
            approvedBy: 'olga',
            source: 'browser',
            runningInstances: 0,
          },
        ]),
      ),
    };
    TestBed.configureTestingModule({
      imports: [ModelsPage],
      providers: [provideRouter([]), { provide: ModelsApi, useValue: api }],
    });
    const fixture = TestBed.createComponent(ModelsPage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, api };
  }

  it('lists each model with its type, latest version, instances and incidents', async () => {
    const { element } = await render();
    const rows = element.querySelectorAll('table[aria-label="Deployed models"] tbody tr');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Delegation approval');
    expect(rows[0].textContent).toContain('Process (BPMN)');
    expect(rows[0].querySelector('.warn')?.textContent?.trim()).toBe('1');
    expect(rows[1].textContent).toContain('Decision (DMN)');
  });

  it('shows a model’s versions on demand', async () => {
    const { fixture, element, api } = await render();
    buttonByText(element, 'Versions')!.click();
    await fixture.whenStable();
    expect(api.versions).toHaveBeenCalledWith('delegation-approval');
    const list = element.querySelector('ul[aria-label="Versions of delegation-approval"]')!;
    expect(list.textContent).toContain('Version 3');
    expect(list.textContent).toContain('with a release');
    expect(list.textContent).toContain('12 running');
  });

  it('lists open incidents with their stack trace and retries one', async () => {
    const { fixture, element, api } = await render();
    const list = element.querySelector('ul[aria-label="Open incidents"]')!;
    expect(list.textContent).toContain('credential-rotation');
    expect(list.textContent).toContain('Vault sealed');

    buttonByText(list, 'Stack trace')!.click();
    await fixture.whenStable();
    expect(element.querySelector('pre.trace')?.textContent).toContain('IllegalStateException');

    buttonByText(list, 'Retry')!.click();
    await fixture.whenStable();
    expect(api.retry).toHaveBeenCalledWith('i-1');
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Retrying credential-rotation',
    );
    expect(api.incidents).toHaveBeenCalledTimes(2);
  });
  it('edits a model, rolls back to an older version and flags a release that diverged', async () => {
    const { fixture, element } = await render();
    const edit = element.querySelector('a[aria-label="Edit delegation-approval"]');
    expect(edit?.getAttribute('href')).toBe('/models/delegation-approval/edit');
    expect(element.textContent).toContain('Diverged');

    buttonByText(element, 'Versions')!.click();
    await fixture.whenStable();
    const list = element.querySelector('ul[aria-label="Versions of delegation-approval"]')!;
    expect(list.textContent).toContain('by omar');
    expect(list.textContent).toContain('approved by olga');
    const rollBack = element.querySelector(
      'a[aria-label="Roll back delegation-approval to version 2"]',
    );
    expect(rollBack?.getAttribute('href')).toBe('/models/delegation-approval/edit?version=2');
    expect(
      element.querySelector('[aria-label="Migrate running instances of delegation-approval"]'),
    ).not.toBeNull();
  });

  it('notes on an incident what ops do about it', async () => {
    const { fixture, element, api } = await render();
    typeInto(
      element.querySelector('input[aria-label="Note on the incident at Task_WriteSecret"]')!,
      ' olga looks ',
    );
    await fixture.whenStable();
    (
      element.querySelector(
        'button[aria-label="Annotate the incident at Task_WriteSecret"]',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    expect(api.annotate).toHaveBeenCalledWith('i-1', 'olga looks');
  });
});
