import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * The optional reason of an acknowledgement. It takes the focus when it appears; the card decides
 * what happens on confirm or cancel.
 */
@Component({
  selector: 'app-acknowledge-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form class="ack" [attr.aria-label]="'Acknowledge ' + summary()" (submit)="submit($event)">
      <mat-form-field class="reason" subscriptSizing="dynamic">
        <mat-label>Reason (optional)</mat-label>
        <input
          #reasonInput
          matInput
          name="reason"
          autocomplete="off"
          maxlength="500"
          [value]="reason()"
          (input)="reason.set(reasonInput.value)"
        />
      </mat-form-field>
      <div class="buttons">
        <button mat-flat-button type="submit" [disabled]="busy()">Confirm acknowledgement</button>
        <button mat-button type="button" [disabled]="busy()" (click)="cancelled.emit()">
          Cancel
        </button>
      </div>
    </form>
  `,
  styles: `
    .ack {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-top: 8px;
    }
    .reason {
      flex: 1 1 260px;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcknowledgeForm {
  /** The alert's summary, for the form's accessible name. */
  readonly summary = input.required<string>();
  readonly busy = input(false);

  /** The reason as typed (the API leaves a blank one out). */
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();

  protected readonly reason = signal('');
  private readonly reasonInput = viewChild.required<ElementRef<HTMLInputElement>>('reasonInput');

  constructor() {
    afterNextRender(() => this.reasonInput().nativeElement.focus());
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.busy()) {
      this.confirmed.emit(this.reason());
    }
  }
}
