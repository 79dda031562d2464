import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { InboxApi } from '../../inbox-api';
import { DIAGRAM_VIEWER, DiagramViewer } from './bpmn-viewer';

/**
 * The task's process diagram: the current step highlighted, the steps already passed marked, and the
 * same in words for those who cannot see the picture.
 */
@Component({
  selector: 'app-task-diagram',
  template: `
    <section class="task-diagram" aria-labelledby="task-diagram-title">
      <h3 id="task-diagram-title">Where it stands</h3>
      @if (error(); as message) {
        <p role="alert">{{ message }}</p>
      } @else if (loading()) {
        <p role="status">Loading the diagram…</p>
      }
      <div #canvas class="canvas" [hidden]="!!error()" aria-hidden="true"></div>
      @if (words(); as text) {
        <p class="in-words">{{ text }}</p>
      }
    </section>
  `,
  styles: `
    .task-diagram .canvas {
      height: 260px;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      position: relative;
    }
    .task-diagram .djs-element.current .djs-visual > :first-child {
      stroke: #1565c0 !important;
      stroke-width: 4px !important;
      fill: #e3f2fd !important;
    }
    .task-diagram .djs-element.completed .djs-visual > :first-child {
      stroke: #2e7d32 !important;
      fill: #e8f5e9 !important;
    }
    .task-diagram .in-words {
      margin: 4px 0 0;
      font-size: 0.875rem;
    }
  `,
  // The markers style SVG that bpmn-js draws, outside this component's own elements.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDiagramPanel {
  readonly taskId = input.required<string>();

  private readonly api = inject(InboxApi);
  private readonly createViewer = inject(DIAGRAM_VIEWER);
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private viewer: DiagramViewer | null = null;

  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly words = signal('');

  constructor() {
    effect(() => void this.render(this.taskId()));
    inject(DestroyRef).onDestroy(() => this.viewer?.destroy());
  }

  private async render(taskId: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const diagram = await firstValueFrom(this.api.diagram(taskId));
      this.viewer ??= await this.createViewer(this.canvas().nativeElement);
      await this.viewer.show(diagram.xml);
      diagram.completedActivityIds.forEach((id) => this.viewer?.mark(id, 'completed'));
      diagram.activeActivityIds.forEach((id) => this.viewer?.mark(id, 'current'));
      this.words.set(this.describe(diagram.activeActivityIds, diagram.completedActivityIds));
    } catch (error) {
      this.error.set(`The diagram could not be shown: ${problemMessage(error)}`);
    } finally {
      this.loading.set(false);
    }
  }

  private describe(active: readonly string[], completed: readonly string[]): string {
    const names = (ids: readonly string[]) =>
      ids.map((id) => this.viewer?.nameOf(id) ?? id).join(', ');
    const now = active.length ? `Now at: ${names(active)}.` : '';
    const before = completed.length ? ` Done so far: ${names(completed)}.` : '';
    return (now + before).trim();
  }
}
