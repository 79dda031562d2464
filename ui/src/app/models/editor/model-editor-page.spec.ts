import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { buttonByText } from '../../shared/testing/dom-queries';
import { ModelsApi } from '../models-api';
import { MODEL_EDITOR, ModelEditor } from './model-editors';
import { ModelEditorPage } from './model-editor-page';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ModelEditorPage', () => {
  async function render(type: 'bpmn' | 'dmn' | 'form' = 'dmn') {
    const editor: ModelEditor = {
      open: vi.fn(async () => undefined),
      content: vi.fn(async () => '<definitions changed/>'),
      useReferences: vi.fn(async () => undefined),
      reveal: vi.fn(() => true),
      destroy: vi.fn(),
    };
    const api = {
      list: vi.fn(() =>
        of([
          {
            key: 'alert-routing',
            type,
            name: 'Alert routing',
            latestVersion: 4,
            runningInstances: 0,
            incidents: 0,
            diverged: false,
          },
        ]),
      ),
      content: vi.fn(() => of('<definitions/>')),
      references: vi.fn(() =>
        of({ beans: ['deployModelChange'], decisions: [], forms: [], messages: [] }),
      ),
      tests: vi.fn(() => of({ tests: '{"cases": []}' })),
      saveDraft: vi.fn(() => of({ id: 'draft-1' })),
      propose: vi.fn(() => of({ id: 'draft-1', status: 'proposed' })),
    };
    TestBed.configureTestingModule({
      imports: [ModelEditorPage],
      providers: [
        provideRouter([]),
        { provide: ModelsApi, useValue: api },
        { provide: MODEL_EDITOR, useValue: vi.fn(async () => editor) },
      ],
    });
    const fixture = TestBed.createComponent(ModelEditorPage);
    fixture.componentRef.setInput('key', 'alert-routing');
    fixture.detectChanges();
    await tick();
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, api, editor };
  }

  it('opens the newest version with the test cases, saves a draft and proposes it', async () => {
    const { fixture, element, api, editor } = await render();
    expect(api.content).toHaveBeenCalledWith('alert-routing', 4);
    expect(editor.open).toHaveBeenCalledWith('<definitions/>');
    expect((element.querySelector('textarea') as HTMLTextAreaElement).value).toBe('{"cases": []}');

    buttonByText(element, 'Save draft')!.click();
    await tick();
    await fixture.whenStable();
    expect(api.saveDraft).toHaveBeenCalledWith('alert-routing', {
      type: 'dmn',
      content: '<definitions changed/>',
      tests: '{"cases": []}',
    });
    buttonByText(element, 'Propose')!.click();
    await tick();
    await fixture.whenStable();
    expect(api.propose).toHaveBeenCalledWith('draft-1');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Review model change');
  });

  it('lists what keeps the model from deploying and shows it on the element; nothing is saved', async () => {
    const { fixture, element, api, editor } = await render('bpmn');
    api.saveDraft.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: {
              type: 'https://partner-workspace/problems/model-invalid',
              errors: [
                { element: 'Task_RecordRejection', rule: 'known-bean', message: 'No bean x' },
              ],
            },
          }),
      ) as never,
    );
    buttonByText(element, 'Save draft')!.click();
    await tick();
    await fixture.whenStable();
    const problems = element.querySelector('ul[aria-label="Problems"]')!;
    expect(problems.textContent).toContain('Task_RecordRejection');
    expect(problems.textContent).toContain('known-bean');
    expect(editor.reveal).toHaveBeenCalledWith('Task_RecordRejection');
    expect(buttonByText(element, 'Propose')!.disabled).toBe(true);
  });
  it('keeps the bpmn.io watermark beside the form editor, which draws none of its own', async () => {
    const { element } = await render('form');
    expect(element.querySelector('a.powered-by')?.getAttribute('href')).toBe('https://bpmn.io');
  });
});
