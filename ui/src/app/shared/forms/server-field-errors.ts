import { Signal, signal } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';
import { FieldError, problemFieldErrors, problemMessage } from '../../core/http/problem';
import { durationsInWords } from '../time/time-format';

/** Where a problem's `errors` went on a form. */
export interface PlacedProblem {
  /** The problem's detail (or title). */
  readonly message: string;
  /** The messages by the path of the control they were put on (`recipient`, `mutes.0.reason`). */
  readonly byControl: Readonly<Record<string, string>>;
  /** The errors no control of the form stands for. */
  readonly unplaced: readonly FieldError[];
}

/** The control path of an engine field name, or null when the form has no control for it. */
export type ControlFor = (field: string) => string | null;

/**
 * Puts the `errors: [{field, message}]` of a problem+json answer on the form's controls: each
 * control gets the `server` error with its message(s) and is marked touched, so its `mat-error`
 * shows. Durations in the messages are read in words (`at most PT720H` → `at most 30 days`);
 * `describe` may reword a message (e.g. name the list entry it is about).
 */
export function placeProblem(
  form: AbstractControl,
  error: unknown,
  controlFor: ControlFor,
  describe: (field: string, message: string) => string = (_, message) => message,
): PlacedProblem {
  const texts: Record<string, string[]> = {};
  const unplaced: FieldError[] = [];
  for (const [field, iso] of Object.entries(problemFieldErrors(error))) {
    const message = durationsInWords(iso);
    const path = controlFor(field);
    if (path === null || !form.get(path)) {
      unplaced.push({ field, message });
    } else {
      (texts[path] ??= []).push(describe(field, message));
    }
  }
  const byControl: Record<string, string> = {};
  for (const [path, messages] of Object.entries(texts)) {
    byControl[path] = messages.join('; ');
    const control = form.get(path)!;
    control.setErrors({ ...control.errors, server: byControl[path] });
    control.markAsTouched();
  }
  return { message: durationsInWords(problemMessage(error)), byControl, unplaced };
}

/** The form's own top-level control of that name (`recipient`), or null. */
export function sameName(form: FormGroup): ControlFor {
  return (field) => (field in form.controls ? field : null);
}

/**
 * The engine's answer to a form's request, for the template: the messages under the fields (each
 * until its value changes), the problem's detail, and the errors of fields the form does not have
 * (`field: message`). One per form, created with the form.
 */
export class ServerFieldErrors {
  private readonly messages = signal<Readonly<Record<string, string>>>({});
  private readonly problemText = signal<string | null>(null);
  private readonly otherTexts = signal<readonly string[]>([]);

  /** The problem's detail of the last failure; null when there is none. */
  readonly problem: Signal<string | null> = this.problemText.asReadonly();
  /** Errors of fields the form has no control for. */
  readonly others: Signal<readonly string[]> = this.otherTexts.asReadonly();

  constructor(
    private readonly form: FormGroup,
    private readonly controlFor: ControlFor = sameName(form),
  ) {
    for (const [name, control] of Object.entries(form.controls)) {
      control.valueChanges.subscribe(() => this.forget(name));
    }
  }

  /** The engine's message for a control, if it has one. */
  message(path: string): string | undefined {
    return this.messages()[path];
  }

  /** Shows a failed request: messages at their fields, the rest beside the problem's detail. */
  show(error: unknown): void {
    const placed = placeProblem(this.form, error, this.controlFor);
    this.messages.set(placed.byControl);
    this.otherTexts.set(placed.unplaced.map(({ field, message }) => `${field}: ${message}`));
    this.problemText.set(placed.message);
  }

  /** Forgets the problem before a new request; the fields' messages stay until they change. */
  clearProblem(): void {
    this.otherTexts.set([]);
    this.problemText.set(null);
  }

  /** Forgets everything (the form was reset). */
  reset(): void {
    this.messages.set({});
    this.clearProblem();
  }

  private forget(name: string): void {
    if (this.messages()[name]) {
      this.messages.update((messages) => {
        const rest = { ...messages };
        delete rest[name];
        return rest;
      });
    }
  }
}
