import {
  ChangeDetectionStrategy,
  Component,
  DoCheck,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ControlValueAccessor, NgControl } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput, MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DURATION_UNITS, DurationUnit, isoDuration, splitDuration } from '../../time/time-format';

let nextId = 0;

/**
 * A duration as a person picks it: a number and a unit (`8` `hours`). The form control holds the
 * ISO-8601 duration the API expects (`PT8H`), or '' while the number is missing, so `required`
 * works as for a text field. The number is labelled `label` (a spinbutton), the unit `<label> unit`
 * (a combobox).
 */
@Component({
  selector: 'app-duration-picker',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <mat-form-field class="amount">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="number"
        min="1"
        step="1"
        inputmode="numeric"
        [id]="inputId"
        [value]="amount() ?? ''"
        [disabled]="disabled()"
        [required]="required()"
        [errorStateMatcher]="errorState"
        (input)="onAmount($event)"
        (blur)="onTouched()"
      />
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
    <mat-form-field class="unit">
      <mat-label>Unit</mat-label>
      <mat-select
        [aria-label]="unitLabel()"
        [value]="unit()"
        [disabled]="disabled()"
        (selectionChange)="onUnit($event.value)"
        (closed)="onTouched()"
      >
        @for (choice of units(); track choice) {
          <mat-option [value]="choice">{{ choice }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      align-items: flex-start;
    }
    .amount {
      flex: 1 1 8rem;
      min-width: 6rem;
    }
    .unit {
      flex: 0 1 9rem;
      min-width: 7rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DurationPicker implements ControlValueAccessor, DoCheck {
  private readonly ngControl = inject(NgControl, { self: true, optional: true });

  /** The visible label of the number, e.g. `Duration`. */
  readonly label = input.required<string>();
  readonly hint = input('');
  /** The message under the number while the control is invalid and touched. */
  readonly error = input('');
  readonly required = input(false);
  /** The units offered, smallest first. */
  readonly units = input<readonly DurationUnit[]>(DURATION_UNITS);
  /** The unit shown before a value was written. */
  readonly defaultUnit = input<DurationUnit>('hours');

  protected readonly inputId = `duration-picker-${nextId++}`;
  protected readonly amount = signal<number | null>(null);
  private readonly chosenUnit = signal<DurationUnit | null>(null);
  protected readonly unit = computed(() => this.chosenUnit() ?? this.defaultUnit());
  protected readonly unitLabel = computed(() => `${this.label()} unit`);
  protected readonly disabled = signal(false);
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => !!this.ngControl?.invalid && !!this.ngControl?.touched,
  };

  private readonly number = viewChild(MatInput);
  private onChange: (value: string) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  constructor() {
    if (this.ngControl) {
      this.ngControl.valueAccessor = this;
    }
  }

  /** The number has no form control of its own: its error state follows the picker's control. */
  ngDoCheck(): void {
    this.number()?.updateErrorState();
  }

  writeValue(value: string | null): void {
    const split = splitDuration(value);
    this.amount.set(split?.amount ?? null);
    if (split) {
      this.chosenUnit.set(split.unit);
    }
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected onAmount(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const amount = text === '' ? null : Number(text);
    this.amount.set(amount !== null && Number.isFinite(amount) ? amount : null);
    this.emit();
  }

  protected onUnit(unit: DurationUnit): void {
    this.chosenUnit.set(unit);
    this.emit();
  }

  private emit(): void {
    const amount = this.amount();
    this.onChange(
      amount !== null && Number.isInteger(amount) && amount > 0
        ? isoDuration(amount, this.unit())
        : '',
    );
  }
}
