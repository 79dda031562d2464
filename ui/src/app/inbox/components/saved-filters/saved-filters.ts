import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { FilterCount, SavedFilter } from '../../inbox.models';

/** What "Save as filter" asks for: a name, and a group of mine to share it with (optional). */
export interface NewSavedFilter {
  readonly name: string;
  readonly sharedWithGroup: string;
}

/**
 * The saved filters (mine and those shared with my groups), each a button with its count badge; one
 * click applies it. "Save as filter" keeps the current criteria under a name.
 */
@Component({
  selector: 'app-saved-filters',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
  ],
  template: `
    <nav class="saved" aria-label="Saved filters">
      @for (filter of filters(); track filter.id) {
        <span class="saved-filter" [class.active]="filter.id === activeId()">
          <button
            mat-stroked-button
            type="button"
            [attr.aria-pressed]="filter.id === activeId()"
            [attr.aria-label]="filter.name + ', ' + countOf(filter.id) + ' open'"
            (click)="apply.emit(filter)"
          >
            {{ filter.name }}
            <span class="badge" aria-hidden="true">{{ countOf(filter.id) }}</span>
          </button>
          @if (filter.owner === username()) {
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Delete filter ' + filter.name"
              (click)="remove.emit(filter)"
            >
              <mat-icon>close</mat-icon>
            </button>
          } @else {
            <span class="muted shared">shared by {{ filter.owner }}</span>
          }
        </span>
      }
      @if (!saving()) {
        <button mat-button type="button" (click)="saving.set(true)">Save as filter</button>
      }
    </nav>
    @if (saving()) {
      <form
        class="save"
        aria-label="Save the current filter"
        [formGroup]="form"
        (ngSubmit)="submit()"
      >
        <mat-form-field>
          <mat-label>Filter name</mat-label>
          <input matInput formControlName="name" maxlength="200" autocomplete="off" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>Share with group (optional)</mat-label>
          <input matInput formControlName="sharedWithGroup" maxlength="200" autocomplete="off" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="form.invalid">Save filter</button>
        <button mat-button type="button" (click)="saving.set(false)">Cancel</button>
      </form>
    }
  `,
  styles: `
    .saved {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .saved-filter {
      display: inline-flex;
      align-items: center;
    }
    .saved-filter.active button[mat-stroked-button] {
      background: var(--mat-sys-secondary-container);
    }
    .badge {
      margin-left: 6px;
      min-width: 20px;
      padding: 0 6px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-small);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      margin-left: 4px;
    }
    .save {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedFilters {
  readonly filters = input.required<readonly SavedFilter[]>();
  readonly counts = input<readonly FilterCount[]>([]);
  readonly activeId = input<string | null>(null);
  readonly username = input<string | null>(null);
  readonly apply = output<SavedFilter>();
  readonly remove = output<SavedFilter>();
  readonly save = output<NewSavedFilter>();

  protected readonly saving = signal(false);
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    sharedWithGroup: new FormControl('', { nonNullable: true }),
  });
  private readonly countById = computed(
    () => new Map(this.counts().map((count) => [count.id, count.count])),
  );

  protected countOf(id: string): number | string {
    return this.countById().get(id) ?? '…';
  }

  protected submit(): void {
    if (this.form.invalid) {
      return;
    }
    this.save.emit(this.form.getRawValue());
    this.form.reset();
    this.saving.set(false);
  }
}
