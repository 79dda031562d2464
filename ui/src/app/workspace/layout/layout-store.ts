import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { problemFieldErrors, problemMessage } from '../../core/http/problem';
import { MeStore } from '../../core/me/me.store';
import {
  LayoutItem,
  WidgetId,
  WidgetSettings,
  WidgetSize,
  WorkspaceView,
} from '../api/workspace.models';
import { WorkspaceApi } from '../api/workspace-api';
import {
  addWidget,
  addableWidgets,
  changeSettings,
  moveWidget,
  removeWidget,
  resizeWidget,
  standardLayout,
} from './layout-state';

/**
 * The board's layout: loaded from `GET /api/workspace` (or the standard layout for the caller's
 * roles while the server has no such endpoint), edited as a draft, saved with `PUT`, restored with
 * `DELETE`. Provided by the workspace page.
 */
@Injectable()
export class LayoutStore {
  private readonly api = inject(WorkspaceApi);
  private readonly me = inject(MeStore);

  private readonly view = signal<WorkspaceView | null>(null);
  /** True when the server has no layout API yet (404): the standard layout for the roles shows. */
  readonly standard = signal(false);
  readonly loading = signal(true);
  readonly loadError = signal<string | null>(null);
  readonly editing = signal(false);
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  private readonly draft = signal<LayoutItem[]>([]);

  /** What the board shows: the draft while editing, else the saved (or standard) layout. */
  readonly layout = computed<readonly LayoutItem[]>(() => {
    if (this.editing()) {
      return this.draft();
    }
    if (this.standard()) {
      return standardLayout(this.me.roles());
    }
    return this.view()?.layout ?? [];
  });
  readonly addable = computed(() => addableWidgets(this.layout()));
  readonly persona = computed(() => this.view()?.persona ?? null);
  readonly customised = computed(() => this.view()?.customised ?? false);
  readonly newDefaultWidgets = computed(() => this.view()?.newDefaultWidgets ?? []);

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.workspace().subscribe({
      next: (view) => this.loaded(view),
      error: (error: unknown) => {
        this.loading.set(false);
        if (error instanceof HttpErrorResponse && error.status === 404) {
          this.standard.set(true);
        } else {
          this.loadError.set(problemMessage(error));
        }
      },
    });
  }

  startEditing(): void {
    this.draft.set([...this.layout()]);
    this.saveError.set(null);
    this.editing.set(true);
  }

  cancelEditing(): void {
    this.editing.set(false);
    this.saveError.set(null);
  }

  move(from: number, to: number): void {
    this.draft.update((layout) => moveWidget(layout, from, to));
  }

  /** Removes a widget; answers false (and says why) for a pinned one. */
  remove(widget: WidgetId): boolean {
    try {
      this.draft.update((layout) => removeWidget(layout, widget));
      return true;
    } catch (error) {
      this.saveError.set((error as Error).message);
      return false;
    }
  }

  add(widget: WidgetId): void {
    this.draft.update((layout) => addWidget(layout, widget));
  }

  resize(widget: WidgetId, size: WidgetSize): void {
    this.draft.update((layout) => resizeWidget(layout, widget, size));
  }

  changeSettings(widget: WidgetId, settings: WidgetSettings): void {
    this.draft.update((layout) => changeSettings(layout, widget, settings));
  }

  /** Adds the widgets the defaults gained since the user customised (then Save keeps them). */
  addNewDefaults(): void {
    if (!this.editing()) {
      this.startEditing();
    }
    this.newDefaultWidgets().forEach((widget) => this.add(widget));
  }

  save(): void {
    if (this.standard()) {
      this.saveError.set('Saving is not available yet: the workspace server has no layout API.');
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.api.saveLayout(this.draft()).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.editing.set(false);
        this.loaded(view);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(saveErrorText(error));
      },
    });
  }

  restoreDefaults(): void {
    if (this.standard()) {
      this.editing.set(false);
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.api.restoreDefaults().subscribe({
      next: (view) => {
        this.saving.set(false);
        this.editing.set(false);
        this.loaded(view);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(problemMessage(error));
      },
    });
  }

  private loaded(view: WorkspaceView): void {
    this.loading.set(false);
    this.standard.set(false);
    this.view.set(view);
  }
}

/** The problem's detail plus the fields it names, e.g. `layout[2].size: unknown size`. */
function saveErrorText(error: unknown): string {
  const fields = Object.entries(problemFieldErrors(error)).map(
    ([field, message]) => `${field}: ${message}`,
  );
  return [problemMessage(error), ...fields].join(' · ');
}
