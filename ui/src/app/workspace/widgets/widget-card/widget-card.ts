import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthService } from '../../../core/auth/auth.service';
import { WidgetLoad } from '../widget-poll';

/**
 * The frame of every widget: a titled card (a region named by its title) that shows the loading,
 * error, signed-out and empty states, and the widget's own content once data is there.
 */
@Component({
  selector: 'app-widget-card',
  imports: [MatCardModule, MatButtonModule, MatProgressBarModule],
  template: `
    <mat-card
      appearance="outlined"
      class="widget"
      role="region"
      [attr.aria-label]="title()"
      [attr.aria-busy]="state().status === 'loading'"
    >
      <mat-card-header>
        <mat-card-title
          ><h2 class="title">{{ title() }}</h2></mat-card-title
        >
      </mat-card-header>
      <mat-card-content>
        @switch (state().status) {
          @case ('loading') {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + title()" />
            <p class="muted">Loading…</p>
          }
          @case ('error') {
            <p role="alert" class="error">Could not load {{ title() }}: {{ errorText() }}</p>
            <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
          }
          @case ('signed-out') {
            <p role="status">Your session has ended. Sign in again to see {{ title() }}.</p>
            <button mat-flat-button type="button" (click)="auth.login()">Sign in again</button>
          }
          @default {
            @if (empty()) {
              <p class="empty">{{ emptyText() }}</p>
            }
            <ng-content />
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
      min-width: 0;
    }
    .widget {
      height: 100%;
      box-sizing: border-box;
      overflow-wrap: anywhere;
    }
    .title {
      margin: 0;
      font: inherit;
    }
    .muted,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WidgetCard {
  protected readonly auth = inject(AuthService);
  readonly title = input.required<string>();
  readonly state = input.required<WidgetLoad<unknown>>();
  /** True when the data is there but holds nothing to show. */
  readonly empty = input(false);
  /** What to do when empty, e.g. "Connect a broker on the Credentials page." */
  readonly emptyText = input('');
  readonly retry = output<void>();

  protected errorText(): string {
    const state = this.state();
    return state.status === 'error' ? state.message : '';
  }
}
