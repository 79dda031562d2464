import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { injectNow } from '../../../shared/time/clock';
import { countdownWords, expiryText, relativeText } from '../../../shared/time/time-format';
import {
  CONNECTION_ACTIVITY_LABELS,
  CONNECTION_STATE_LABELS,
  Connection,
  RECONNECTABLE_STATES,
  USABLE_STATES,
} from '../../credentials.models';
import { SmokeTestPanel } from '../../../diagnostics/smoke-test/smoke-test-panel';
import { RevealedView } from '../../reveal-store';
import { FailureNotice } from '../failure-notice/failure-notice';
import { RevealedValues } from '../revealed-values/revealed-values';

/**
 * One broker connection: its state, token facts (ticking every second), failure and the actions
 * its state allows. The page does the work; the card only emits what the user asked for.
 */
@Component({
  selector: 'app-connection-card',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    FailureNotice,
    RevealedValues,
    RouterLink,
    SmokeTestPanel,
  ],
  templateUrl: './connection-card.html',
  styleUrl: './connection-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionCard {
  readonly connection = input.required<Connection>();
  /** True while an action on this connection is running. */
  readonly busy = input(false);
  /** The revealed values of this connection, while they are shown. */
  readonly revealed = input<RevealedView | null>(null);

  readonly rotate = output<Connection>();
  readonly revoke = output<Connection>();
  readonly reveal = output<Connection>();
  readonly share = output<Connection>();
  readonly reconnect = output<Connection>();
  readonly hideRevealed = output<void>();

  private readonly now = injectNow();
  /** When this version of the connection arrived (the server's `tokenAgeSeconds` is as of then). */
  private readonly receivedAt = computed(() => {
    this.connection();
    return Date.now();
  });

  protected readonly titleId = computed(() => `connection-${this.connection().id}-title`);
  protected readonly stateLabel = computed(
    () => CONNECTION_STATE_LABELS[this.connection().state] ?? this.connection().state,
  );
  protected readonly activityLabel = computed(() => {
    const activity = this.connection().activity;
    return activity ? (CONNECTION_ACTIVITY_LABELS[activity] ?? `${activity} in progress…`) : null;
  });
  protected readonly usable = computed(() => USABLE_STATES.includes(this.connection().state));
  protected readonly reconnectable = computed(() =>
    RECONNECTABLE_STATES.includes(this.connection().state),
  );
  protected readonly revoked = computed(() => this.connection().state === 'REVOKED');

  /** A revoked connection has no token: no age, no countdown. */
  protected readonly tokenAge = computed(() => {
    const c = this.connection();
    if (c.state === 'REVOKED') {
      return null;
    }
    if (c.tokenAgeSeconds !== null && c.tokenAgeSeconds !== undefined) {
      return countdownWords(c.tokenAgeSeconds + (this.now() - this.receivedAt()) / 1000);
    }
    return c.tokenIssuedAt
      ? countdownWords((this.now() - Date.parse(c.tokenIssuedAt)) / 1000)
      : null;
  });
  protected readonly expiry = computed(() =>
    this.revoked() ? null : expiryText(this.connection().expiresAt, this.now()),
  );
  protected readonly nextRotation = computed(() =>
    relativeText(this.connection().nextRotationAt, this.now()),
  );
}
