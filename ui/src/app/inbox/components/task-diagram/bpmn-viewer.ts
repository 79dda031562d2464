import { InjectionToken } from '@angular/core';

/** What the task diagram needs of a bpmn-js viewer: import, fit, mark, name, tear down. */
export interface DiagramViewer {
  show(xml: string): Promise<void>;
  mark(elementId: string, marker: string): void;
  /** The element's name in the model, or its id when it has none. */
  nameOf(elementId: string): string;
  destroy(): void;
}

export type DiagramViewerFactory = (container: HTMLElement) => Promise<DiagramViewer>;

const STYLESHEETS = ['/media/bpmn-js/diagram-js.css', '/media/bpmn-js/bpmn-js.css'];

/**
 * bpmn-js's NavigatedViewer (pan and zoom, bpmn.io watermark kept as its licence asks), loaded on
 * first use with its stylesheets, so neither weighs on the inbox's first paint.
 */
export const DIAGRAM_VIEWER = new InjectionToken<DiagramViewerFactory>('DIAGRAM_VIEWER', {
  providedIn: 'root',
  factory: () => async (container) => {
    addStylesheets(container.ownerDocument);
    const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
    const viewer = new NavigatedViewer({ container });
    return {
      async show(xml) {
        await viewer.importXML(xml);
        (viewer.get('canvas') as Canvas).zoom('fit-viewport', 'auto');
      },
      mark(id, marker) {
        const registry = viewer.get('elementRegistry') as ElementRegistry;
        if (registry.get(id)) {
          (viewer.get('canvas') as Canvas).addMarker(id, marker);
        }
      },
      nameOf(id) {
        const element = (viewer.get('elementRegistry') as ElementRegistry).get(id);
        return element?.businessObject?.name?.trim() || id;
      },
      destroy: () => viewer.destroy(),
    };
  },
});

interface Canvas {
  zoom(level: string, center: string): void;
  addMarker(id: string, marker: string): void;
}

interface ElementRegistry {
  get(id: string): { businessObject?: { name?: string } } | undefined;
}

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
