import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  InjectionToken,
  ViewEncapsulation,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { problemMessage } from '../../core/http/problem';
import { ModelsApi } from '../models-api';
import { ModelChange, ModelDiff } from '../models.models';

/** Shows the deployed and the proposed process side by side, each element marked as the diff says. */
export type SideBySide = (
  before: HTMLElement,
  after: HTMLElement,
  xml: { before: string; after: string },
) => Promise<() => void>;

const STYLESHEETS = ['/media/bpmn-js/diagram-js.css', '/media/bpmn-js/bpmn-js.css'];

/**
 * Two bpmn-js viewers (watermark kept), marked with bpmn-js-differ's semantic diff of the two
 * definitions: added green on the right, removed red on the left, changed amber on both.
 */
export const SIDE_BY_SIDE = new InjectionToken<SideBySide>('SIDE_BY_SIDE', {
  providedIn: 'root',
  factory: () => async (beforeElement, afterElement, xml) => {
    for (const href of STYLESHEETS) {
      if (!document.head.querySelector(`link[href="${href}"]`)) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        document.head.appendChild(link);
      }
    }
    const [{ default: Viewer }, { diff }] = await Promise.all([
      import('bpmn-js/lib/NavigatedViewer'),
      import('bpmn-js-differ'),
    ]);
    const before = new Viewer({ container: beforeElement });
    const after = new Viewer({ container: afterElement });
    await before.importXML(xml.before);
    await after.importXML(xml.after);
    const changes = diff(before.getDefinitions(), after.getDefinitions());
    const mark = (viewer: typeof before, ids: string[], marker: string) => {
      const canvas = viewer.get('canvas') as { addMarker(id: string, m: string): void };
      const registry = viewer.get('elementRegistry') as { get(id: string): unknown };
      ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
    };
    mark(after, Object.keys(changes._added), 'diff-added');
    mark(before, Object.keys(changes._removed), 'diff-removed');
    mark(before, Object.keys(changes._changed), 'diff-changed');
    mark(after, Object.keys(changes._changed), 'diff-changed');
    for (const viewer of [before, after]) {
      (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    }
    return () => {
      before.destroy();
      after.destroy();
    };
  },
});

/**
 * What a proposed model change changes, for its reviewer: for a process the two diagrams side by side,
 * and for every kind the elements added, removed and changed, each changed property before and after.
 */
@Component({
  selector: 'app-model-change-diff',
  template: `
    <section class="model-diff" aria-labelledby="model-diff-title">
      <h3 id="model-diff-title">What changes</h3>
      @if (error(); as message) {
        <p role="alert">{{ message }}</p>
      }
      @if (diff(); as d) {
        <p>
          {{ d.key }}: against
          {{ d.againstVersion === null ? 'nothing deployed' : 'version ' + d.againstVersion }} ·
          {{ d.added.length }} added, {{ d.removed.length }} removed, {{ d.changed.length }} changed
        </p>
      }
      @if (isProcess()) {
        <div class="sides">
          <figure>
            <figcaption>Deployed</figcaption>
            <div #before class="canvas" aria-hidden="true"></div>
          </figure>
          <figure>
            <figcaption>Proposed</figcaption>
            <div #after class="canvas" aria-hidden="true"></div>
          </figure>
        </div>
      }
      @if (diff(); as d) {
        @for (group of groups(d); track group.label) {
          @if (group.changes.length > 0) {
            <h4>{{ group.label }}</h4>
            <ul [attr.aria-label]="group.label">
              @for (change of group.changes; track change.id) {
                <li>
                  {{ change.kind }} <strong>{{ change.name ?? change.id }}</strong>
                  @if (group.label === 'Changed') {
                    <ul>
                      @for (p of change.properties; track p.name) {
                        <li>{{ p.name }}: {{ p.before ?? '—' }} → {{ p.after ?? '—' }}</li>
                      }
                    </ul>
                  }
                </li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styles: `
    .model-diff .sides {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px;
    }
    .model-diff figure {
      margin: 0;
    }
    .model-diff .canvas {
      height: 240px;
      position: relative;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
    }
    .model-diff .djs-element.diff-added .djs-visual > :first-child {
      stroke: #2e7d32 !important;
      fill: #e8f5e9 !important;
    }
    .model-diff .djs-element.diff-removed .djs-visual > :first-child {
      stroke: #b3261e !important;
      fill: #fdecea !important;
    }
    .model-diff .djs-element.diff-changed .djs-visual > :first-child {
      stroke: #b26a00 !important;
      fill: #fff4e0 !important;
    }
  `,
  // The markers style SVG that bpmn-js draws, outside this component's own elements.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModelChangeDiff {
  readonly draftId = input.required<string>();

  private readonly api = inject(ModelsApi);
  private readonly sideBySide = inject(SIDE_BY_SIDE);
  private readonly before = viewChild<ElementRef<HTMLElement>>('before');
  private readonly after = viewChild<ElementRef<HTMLElement>>('after');
  private teardown: (() => void) | null = null;

  protected readonly diff = signal<ModelDiff | null>(null);
  protected readonly isProcess = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.load(this.draftId()));
    inject(DestroyRef).onDestroy(() => this.teardown?.());
  }

  protected groups(d: ModelDiff): { label: string; changes: readonly ModelChange[] }[] {
    return [
      { label: 'Added', changes: d.added },
      { label: 'Removed', changes: d.removed },
      { label: 'Changed', changes: d.changed },
    ];
  }

  private async load(id: string): Promise<void> {
    try {
      const [draft, diff] = await Promise.all([
        firstValueFrom(this.api.draft(id)),
        firstValueFrom(this.api.diff(id)),
      ]);
      this.diff.set(diff);
      if (draft.type !== 'bpmn' || diff.againstVersion === null) {
        return;
      }
      this.isProcess.set(true);
      const deployed = await firstValueFrom(this.api.content(draft.key, diff.againstVersion));
      await new Promise((resolve) => setTimeout(resolve)); // the canvases render first
      const before = this.before()?.nativeElement;
      const after = this.after()?.nativeElement;
      if (before && after) {
        this.teardown?.();
        this.teardown = await this.sideBySide(before, after, {
          before: deployed,
          after: draft.content,
        });
      }
    } catch (error: unknown) {
      this.error.set(problemMessage(error));
    }
  }
}
