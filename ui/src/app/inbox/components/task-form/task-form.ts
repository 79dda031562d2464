import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { InboxApi } from '../../inbox-api';
import { TaskFormSchema, TaskFormValues } from '../../inbox.models';
import { FORM_VIEWER, FormViewer } from './form-viewer';

/**
 * The task's own form, as deployed with its process (`GET /api/tasks/{id}/form`, a form-js schema),
 * rendered with form-js. Fields the detail offers itself (e.g. `approved` as Approve/Reject buttons) are
 * left out. Says through `loaded` whether the task has such a form; without one the detail shows its
 * plain fields.
 */
@Component({
  selector: 'app-task-form',
  template: `
    @if (error(); as message) {
      <p role="alert">{{ message }}</p>
    }
    <div #container class="task-form" [hidden]="!shown()"></div>
  `,
  styles: `
    .task-form .fjs-container {
      --cds-font-family: inherit;
    }
    .task-form .fjs-form {
      padding: 0;
    }
  `,
  // form-js renders its own elements, outside this component's template.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskFormPanel {
  readonly taskId = input.required<string>();
  /** Keys of fields the detail renders itself. */
  readonly leaveOut = input<readonly string[]>([]);
  /** True once the task's form is shown, false when the task has none. */
  readonly loaded = output<boolean>();

  private readonly api = inject(InboxApi);
  private readonly createViewer = inject(FORM_VIEWER);
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private viewer: FormViewer | null = null;

  protected readonly shown = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => void this.render(this.taskId(), this.leaveOut()));
    inject(DestroyRef).onDestroy(() => this.viewer?.destroy());
  }

  /** The form's values, or null when one is invalid (form-js then says why beside it). */
  collect(): TaskFormValues | null {
    return this.shown() && this.viewer ? this.viewer.collect() : {};
  }

  private async render(taskId: string, leaveOut: readonly string[]): Promise<void> {
    this.shown.set(false);
    this.error.set(null);
    try {
      const form = await firstValueFrom(this.api.form(taskId));
      this.viewer ??= await this.createViewer(this.container().nativeElement);
      await this.viewer.show(without(form.schema, leaveOut), form.data);
      this.shown.set(true);
      this.loaded.emit(true);
    } catch (error) {
      if (!(error instanceof HttpErrorResponse && error.status === 404)) {
        this.error.set(`The form could not be shown: ${problemMessage(error)}`);
      }
      this.loaded.emit(false);
    }
  }
}

function without(schema: TaskFormSchema, keys: readonly string[]): TaskFormSchema {
  return {
    ...schema,
    components: (schema.components ?? []).filter(
      (component) => !component.key || !keys.includes(component.key),
    ),
  };
}
