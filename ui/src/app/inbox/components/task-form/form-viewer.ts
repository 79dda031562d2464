import { InjectionToken } from '@angular/core';
import { TaskFormSchema, TaskFormValues } from '../../inbox.models';

/** What the inbox needs of form-js's viewer: show a schema with values, collect them, tear down. */
export interface FormViewer {
  show(schema: TaskFormSchema, data: TaskFormValues): Promise<void>;
  /** The values, or null when a field is invalid (form-js then shows why beside the field). */
  collect(): TaskFormValues | null;
  destroy(): void;
}

export type FormViewerFactory = (container: HTMLElement) => Promise<FormViewer>;

const STYLESHEETS = ['/media/form-js/form-js.css'];

/**
 * `@bpmn-io/form-js-viewer`, loaded on first use with its stylesheet, so neither weighs on the inbox's
 * first paint.
 */
export const FORM_VIEWER = new InjectionToken<FormViewerFactory>('FORM_VIEWER', {
  providedIn: 'root',
  factory: () => async (container) => {
    addStylesheets(container.ownerDocument);
    const { Form } = await import('@bpmn-io/form-js-viewer');
    // No debounce: a decision made right after typing (a click, a keyboard shortcut) sends what was typed.
    // form-js reads `debounce` from its options (its config service); its types do not declare it.
    const options = { container, debounce: false };
    const form = new Form(options);
    return {
      async show(schema, data) {
        await form.importSchema(schema, { ...data });
      },
      collect() {
        const { data, errors } = form.submit();
        return Object.keys(errors).length ? null : (data as TaskFormValues);
      },
      destroy: () => form.destroy(),
    };
  },
});

function addStylesheets(document: Document): void {
  for (const href of STYLESHEETS) {
    if (!document.head.querySelector(`link[href="${href}"]`)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.appendChild(link);
    }
  }
}
