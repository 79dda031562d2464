import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { SecretValues } from '../../credentials.models';
import { SecretFields } from '../secret-fields/secret-fields';

/** Revealed values of a connection with the seconds left until they are masked again. */
@Component({
  selector: 'app-revealed-values',
  imports: [MatButtonModule, SecretFields],
  template: `
    <section class="revealed" aria-label="Revealed values">
      <app-secret-fields [values]="values()" />
      <div class="countdown">
        <span class="left" data-testid="reveal-countdown"
          >Hidden again in {{ remaining() }} {{ remaining() === 1 ? 'second' : 'seconds' }}</span
        >
        <button mat-button type="button" (click)="hide.emit()">Hide now</button>
      </div>
    </section>
  `,
  styles: `
    .revealed {
      margin-top: 12px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .countdown {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .left {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevealedValues {
  readonly values = input.required<SecretValues>();
  readonly remaining = input.required<number>();
  readonly hide = output<void>();
}
