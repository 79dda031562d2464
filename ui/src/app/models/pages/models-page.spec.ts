import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { buttonByText } from '../../shared/testing/dom-queries';
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
          },
        ]),
      ),
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
            source: 'release',
            runningInstances: 12,
          },
        ]),
      ),
    };
    TestBed.configureTestingModule({
      imports: [ModelsPage],
      providers: [{ provide: ModelsApi, useValue: api }],
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
});
