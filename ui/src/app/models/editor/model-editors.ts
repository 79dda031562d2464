import { InjectionToken } from '@angular/core';
import { KnownReferences, ModelType } from '../models.models';
import { nameCells } from './dmn-cells';

/** What the editor page needs of a bpmn.io editor, whichever kind of model it edits. */
export interface ModelEditor {
  open(content: string): Promise<void>;
  /** The model as it stands in the editor: XML, or the form's JSON. */
  content(): Promise<string>;
  /** Tells the lint what the engine knows, and lints again. */
  useReferences(references: KnownReferences): Promise<void>;
  /** Selects an element the server named in a problem and marks it; false when the model has none such. */
  reveal(elementId: string): boolean;
  destroy(): void;
}

export type ModelEditorFactory = (
  type: ModelType,
  canvas: HTMLElement,
  panel: HTMLElement,
) => Promise<ModelEditor>;

const STYLESHEETS: Readonly<Record<ModelType, readonly string[]>> = {
  bpmn: [
    '/media/bpmn-js/diagram-js.css',
    '/media/bpmn-js/bpmn-js.css',
    '/media/bpmn-js/bpmn-font/css/bpmn-embedded.css',
    '/media/properties-panel/properties-panel.css',
    '/media/bpmnlint/bpmn-js-bpmnlint.css',
  ],
  dmn: [
    '/media/dmn-js/diagram-js.css',
    '/media/dmn-js/dmn-js-shared.css',
    '/media/dmn-js/dmn-js-drd.css',
    '/media/dmn-js/dmn-js-decision-table.css',
    '/media/dmn-js/dmn-js-decision-table-controls.css',
    '/media/dmn-js/dmn-js-literal-expression.css',
    '/media/dmn-js/dmn-font/css/dmn-embedded.css',
  ],
  form: [
    '/media/form-js/form-js.css',
    '/media/form-js-editor/form-js-editor.css',
    '/media/form-js-editor/draggle.css',
    '/media/form-js-editor/properties-panel.css',
  ],
};

/**
 * The bpmn.io editors, each loaded on first use with its stylesheets (the editor route is lazy; the
 * bpmn.io watermark stays visible, as their licence asks): bpmn-js's Modeler with the Camunda 7
 * properties panel and the lint (bpmnlint's recommended rules plus ours), dmn-js's decision table
 * editor, form-js's editor.
 */
export const MODEL_EDITOR = new InjectionToken<ModelEditorFactory>('MODEL_EDITOR', {
  providedIn: 'root',
  factory: () => async (type, canvas, panel) => {
    addStylesheets(canvas.ownerDocument, STYLESHEETS[type]);
    switch (type) {
      case 'bpmn':
        return bpmnEditor(canvas, panel);
      case 'dmn':
        return dmnEditor(canvas);
      default:
        return formEditor(canvas);
    }
  },
});

interface Service {
  get(name: string): unknown;
}

async function bpmnEditor(canvas: HTMLElement, panel: HTMLElement): Promise<ModelEditor> {
  const [{ default: Modeler }, properties, behaviors, camunda, lintModule, lint] =
    await Promise.all([
      import('bpmn-js/lib/Modeler'),
      import('bpmn-js-properties-panel'),
      import('camunda-bpmn-js-behaviors/lib/camunda-platform'),
      import('camunda-bpmn-moddle/resources/camunda.json'),
      import('bpmn-js-bpmnlint'),
      import('../lint/bpmnlint-workspace.mjs'),
    ]);
  const modeler = new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [
      properties.BpmnPropertiesPanelModule,
      properties.BpmnPropertiesProviderModule,
      properties.CamundaPlatformPropertiesProviderModule,
      behaviors.default,
      lintModule.default,
    ],
    moddleExtensions: { camunda: camunda.default },
    linting: { bpmnlint: lint.workspaceLint, active: true },
  } as ConstructorParameters<typeof Modeler>[0]);
  const service = modeler as unknown as Service;
  return {
    async open(xml) {
      await modeler.importXML(xml);
      (service.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    },
    async content() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    async useReferences(references) {
      lint.setKnownReferences(references);
      (service.get('linting') as { lint?(): unknown }).lint?.();
    },
    reveal(id) {
      const element = (service.get('elementRegistry') as { get(id: string): unknown }).get(id);
      if (!element) {
        return false;
      }
      (service.get('selection') as { select(element: unknown): void }).select(element);
      const view = service.get('canvas') as {
        addMarker(id: string, marker: string): void;
        scrollToElement(element: unknown): void;
      };
      view.addMarker(id, 'server-problem');
      view.scrollToElement(element);
      return true;
    },
    destroy: () => modeler.destroy(),
  };
}

async function dmnEditor(canvas: HTMLElement): Promise<ModelEditor> {
  const { default: DmnModeler } = await import('dmn-js/lib/Modeler');
  const modeler = new DmnModeler({ container: canvas });
  // dmn-js names every cell "Input" or "Output": name each after its rule and column instead, as it renders.
  const cellNames = new MutationObserver(() => nameCells(canvas));
  cellNames.observe(canvas, { childList: true, subtree: true });
  return {
    async open(xml) {
      await modeler.importXML(xml);
      const table = modeler.getViews().find((view) => view.type === 'decisionTable');
      if (table) {
        await modeler.open(table);
      }
    },
    async content() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml;
    },
    async useReferences() {
      // a decision table names no beans, forms or messages
    },
    /** A rule the server named: its row is scrolled to and marked. */
    reveal(id) {
      const row = canvas
        .querySelector<HTMLElement>(`td[data-row-id="${CSS.escape(id)}"]`)
        ?.closest('tr');
      if (!row) {
        return false;
      }
      canvas
        .querySelectorAll('tr.server-problem')
        .forEach((marked) => marked.classList.remove('server-problem'));
      row.classList.add('server-problem');
      row.scrollIntoView({ block: 'center' });
      return true;
    },
    destroy: () => {
      cellNames.disconnect();
      modeler.destroy();
    },
  };
}

async function formEditor(canvas: HTMLElement): Promise<ModelEditor> {
  const { FormEditor } = await import('@bpmn-io/form-js-editor');
  const editor = new FormEditor({ container: canvas });
  return {
    async open(json) {
      await editor.importSchema(JSON.parse(json));
    },
    async content() {
      return JSON.stringify(editor.saveSchema(), null, 2);
    },
    async useReferences() {
      // a form names nothing the engine must know
    },
    reveal(id) {
      const services = editor as unknown as Service;
      const field = (services.get('formFieldRegistry') as { get(id: string): unknown }).get(id);
      if (!field) {
        return false;
      }
      (services.get('selection') as { set(field: unknown): void }).set(field);
      return true;
    },
    destroy: () => editor.destroy(),
  };
}

function addStylesheets(document: Document, hrefs: readonly string[]): void {
  for (const href of hrefs) {
    if (!document.head.querySelector(`link[href="${href}"]`)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.appendChild(link);
    }
  }
}
