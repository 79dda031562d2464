// Packages of the bpmn.io editors that ship no TypeScript types (or none this project's strict settings read).

declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getActiveViewer(): { get(service: string): unknown } | undefined;
    getViews(): { type: string; element: { id: string } }[];
    open(view: { type: string }): Promise<unknown>;
    on(event: string, callback: (...args: unknown[]) => void): void;
    destroy(): void;
  }
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const CamundaPlatformPropertiesProviderModule: unknown;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const behaviors: unknown;
  export default behaviors;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: unknown;
  export default lintModule;
}

declare module 'bpmn-js-differ' {
  export interface ChangeSet {
    _added: Record<string, unknown>;
    _removed: Record<string, unknown>;
    _changed: Record<string, unknown>;
    _layoutChanged: Record<string, unknown>;
  }
  export function diff(a: unknown, b: unknown): ChangeSet;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'bpmnlint/lib/linter.js' {
  export default class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: unknown): Promise<Record<string, unknown[]>>;
  }
}

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(extensions?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown }>;
  }
}
