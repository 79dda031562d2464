import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  inject,
  input,
  signal,
  viewChild,
  AfterViewInit,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { problemMessage, problemOf } from '../../core/http/problem';
import { ModelsApi } from '../models-api';
import { Model, ModelProblem } from '../models.models';
import { MODEL_EDITOR, ModelEditor } from './model-editors';

/**
 * Edit a model in the browser (ops): the bpmn.io editor of its kind on its newest version (or an older one
 * to roll back to), lint as you type, "Save draft" runs the server's checks (the engine's parser, the
 * references, a decision's test cases) and lists each problem on its element, "Propose" asks a second ops
 * person to review it in their inbox.
 */
@Component({
  selector: 'app-model-editor-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    <p><a routerLink="/models">← Models</a></p>
    <h1>Edit {{ key() }}</h1>
    @if (model(); as m) {
      <p class="muted">
        {{ m.type === 'bpmn' ? 'Process' : m.type === 'dmn' ? 'Decision' : 'Form' }}, starting from
        version {{ baseVersion() }}{{ baseVersion() === m.latestVersion ? ' (the newest)' : '' }}.
      </p>
    }
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    <p role="status" class="status">{{ status() }}</p>
    <div class="actions">
      <button mat-flat-button type="button" [disabled]="busy() || !ready()" (click)="save()">
        Save draft
      </button>
      <button
        mat-stroked-button
        type="button"
        [disabled]="busy() || !draftId() || proposed()"
        (click)="propose()"
      >
        Propose
      </button>
    </div>
    @if (problems().length > 0) {
      <section aria-labelledby="problems-title" class="problems">
        <h2 id="problems-title">Problems that keep this model from being deployed</h2>
        <ul aria-label="Problems">
          @for (problem of problems(); track $index) {
            <li>
              <strong>{{ problem.element ?? key() }}</strong> ({{ problem.rule }}):
              {{ problem.message }}
              @if (problem.element) {
                <button mat-button type="button" (click)="reveal(problem.element)">Show</button>
              }
            </li>
          }
        </ul>
      </section>
    }
    <div class="editor" [class.with-panel]="model()?.type === 'bpmn'">
      <div #canvas class="canvas" aria-label="Model editor"></div>
      <div #panel class="panel" [hidden]="model()?.type !== 'bpmn'"></div>
    </div>
    @if (model()?.type === 'form') {
      <!-- bpmn-js and dmn-js draw their own watermark; the form-js editor does not, and the licence asks for one. -->
      <a class="powered-by" href="https://bpmn.io" target="_blank" rel="noopener"
        >Powered by bpmn.io</a
      >
    }
    @if (model()?.type === 'dmn') {
      <mat-form-field class="tests">
        <mat-label>Test cases</mat-label>
        <textarea matInput [formControl]="tests" rows="10" spellcheck="false"></textarea>
        <mat-hint>
          JSON: each case's inputs and the outputs it expects; a change must pass them all.
        </mat-hint>
      </mat-form-field>
    }
  `,
  styles: `
    app-model-editor-page {
      display: block;
      padding: 16px 24px;
    }
    app-model-editor-page .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    app-model-editor-page .error {
      color: var(--mat-sys-error);
    }
    app-model-editor-page .actions {
      display: flex;
      gap: 8px;
      margin: 8px 0;
    }
    app-model-editor-page .editor {
      display: grid;
      grid-template-columns: 1fr;
      height: 560px;
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      overflow: hidden;
    }
    app-model-editor-page .editor.with-panel {
      grid-template-columns: 1fr 320px;
    }
    app-model-editor-page .canvas {
      position: relative;
      height: 100%;
      overflow: auto;
      background: #fff;
    }
    app-model-editor-page .panel {
      height: 100%;
      overflow: auto;
      border-left: 1px solid var(--mat-sys-outline-variant, #ccc);
    }
    app-model-editor-page .powered-by {
      display: inline-block;
      margin-top: 4px;
      font-size: 12px;
    }
    app-model-editor-page .tests {
      width: 100%;
      margin-top: 12px;
      font-family: monospace;
    }
    app-model-editor-page tr.server-problem td {
      background: #fdecea !important;
    }
    app-model-editor-page .djs-element.server-problem .djs-visual > :first-child {
      stroke: #b3261e !important;
      stroke-width: 3px !important;
    }
  `,
  // The editors draw outside this component's own elements; their styles are global.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModelEditorPage implements AfterViewInit {
  /** The model's key (route parameter). */
  readonly key = input.required<string>();
  /** An older version to start from, to roll back to it (query parameter). */
  readonly version = input<string | undefined>(undefined);

  private readonly api = inject(ModelsApi);
  private readonly createEditor = inject(MODEL_EDITOR);
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private editor: ModelEditor | null = null;

  protected readonly model = signal<Model | null>(null);
  protected readonly baseVersion = signal<number | null>(null);
  protected readonly ready = signal(false);
  protected readonly busy = signal(false);
  protected readonly draftId = signal<string | null>(null);
  protected readonly proposed = signal(false);
  protected readonly problems = signal<readonly ModelProblem[]>([]);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly tests = new FormControl('', { nonNullable: true });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.editor?.destroy());
  }

  ngAfterViewInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const models = await firstValueFrom(this.api.list());
      const model = models.find((m) => m.key === this.key());
      if (!model) {
        this.error.set(`There is no model ${this.key()}.`);
        return;
      }
      this.model.set(model);
      const version = Number(this.version() ?? model.latestVersion) || model.latestVersion;
      this.baseVersion.set(version);
      const [content, references] = await Promise.all([
        firstValueFrom(this.api.content(model.key, version)),
        firstValueFrom(this.api.references()),
      ]);
      if (model.type === 'dmn') {
        const { tests } = await firstValueFrom(this.api.tests(model.key));
        this.tests.setValue(tests ?? '');
      }
      this.editor = await this.createEditor(
        model.type,
        this.canvas().nativeElement,
        this.panel().nativeElement,
      );
      await this.editor.open(content);
      await this.editor.useReferences(references);
      this.ready.set(true);
      this.status.set(`Editor ready in ${Math.round(performance.now() - started)} ms.`);
    } catch (error: unknown) {
      this.error.set(problemMessage(error));
    }
  }

  /** Saves a draft if the server finds nothing that keeps it from being deployed; lists what it finds. */
  protected async save(): Promise<void> {
    const model = this.model();
    if (!model || !this.editor) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.problems.set([]);
    try {
      const content = await this.editor.content();
      const tests = model.type === 'dmn' && this.tests.value.trim() ? this.tests.value : null;
      const { id } = await firstValueFrom(
        this.api.saveDraft(model.key, { type: model.type, content, tests }),
      );
      this.draftId.set(id);
      this.proposed.set(false);
      this.status.set('Draft saved: it passes every check. Propose it for review.');
    } catch (error: unknown) {
      const problem = problemOf(error) as unknown as { errors?: ModelProblem[] } | null;
      if (problem?.errors?.length) {
        this.problems.set(problem.errors);
        this.status.set(`${problem.errors.length} problem(s); nothing was saved.`);
        const first = problem.errors.find((p) => p.element);
        if (first?.element) {
          this.editor.reveal(first.element);
        }
      } else {
        this.error.set(problemMessage(error));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected async propose(): Promise<void> {
    const id = this.draftId();
    if (!id) {
      return;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.propose(id));
      this.proposed.set(true);
      this.status.set(
        'Proposed: another ops person reviews it in their inbox ("Review model change"); approving deploys it.',
      );
    } catch (error: unknown) {
      this.error.set(problemMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected reveal(elementId: string): void {
    if (!this.editor?.reveal(elementId)) {
      this.status.set(`${elementId} is not an element of the diagram.`);
    }
  }
}
