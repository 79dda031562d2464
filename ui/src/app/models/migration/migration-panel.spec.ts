import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { buttonByText, typeInto } from '../../shared/testing/dom-queries';
import { ModelsApi } from '../models-api';
import { MigrationPanel } from './migration-panel';

const REPORT = {
  id: 'm-1',
  key: 'delegation-approval',
  from: 1,
  to: 2,
  instances: 3,
  valid: false,
  instructions: [{ source: 'Task_Approve', target: 'Task_Approve' }],
  errors: [{ activity: 'Task_Old', message: '1 running instance(s) wait at Task_Old' }],
  author: 'omar',
  status: 'reported',
  taskId: null,
  reviewedBy: null,
  reviewComment: null,
  progress: null,
  failures: [],
};

describe('MigrationPanel', () => {
  it('shows the report before anything runs, maps what it names, then proposes', async () => {
    const api = {
      checkMigration: vi.fn(() => of(REPORT)),
      proposeMigration: vi.fn(() => of({ ...REPORT, valid: true, errors: [], status: 'proposed' })),
      migration: vi.fn(() => of({ ...REPORT, status: 'proposed' })),
    };
    TestBed.configureTestingModule({
      imports: [MigrationPanel],
      providers: [{ provide: ModelsApi, useValue: api }],
    });
    const fixture = TestBed.createComponent(MigrationPanel);
    fixture.componentRef.setInput('key', 'delegation-approval');
    fixture.componentRef.setInput('versions', [
      { version: 2, runningInstances: 0 },
      { version: 1, runningInstances: 3 },
    ]);
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    buttonByText(element, 'Check migration')!.click();
    await fixture.whenStable();
    expect(api.checkMigration).toHaveBeenCalledWith('delegation-approval', {
      from: 1,
      to: 2,
      mapping: [],
    });
    expect(element.textContent).toContain('3 running instance(s) of version 1 → version 2');
    expect(element.textContent).toContain('wait at Task_Old');
    expect(buttonByText(element, 'Propose migration')).toBeUndefined();

    typeInto(element.querySelector('input[aria-label="Map Task_Old to"]')!, 'Task_Approve');
    api.checkMigration.mockReturnValue(of({ ...REPORT, valid: true, errors: [] }));
    buttonByText(element, 'Check migration')!.click();
    await fixture.whenStable();
    expect(api.checkMigration).toHaveBeenLastCalledWith('delegation-approval', {
      from: 1,
      to: 2,
      mapping: [{ source: 'Task_Old', target: 'Task_Approve' }],
    });
    buttonByText(element, 'Propose migration')!.click();
    await fixture.whenStable();
    expect(api.proposeMigration).toHaveBeenCalledWith('m-1');
    expect(element.textContent).toContain('Review migration');
  });
});
