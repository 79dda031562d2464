import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { durationText } from '../../../shared/time/time-format';
import { DELEGATION_STATE_LABELS, Delegation } from '../../delegations.models';

/** One delegation: who gets what, its state, approvals, timeline and the actions the user may take. */
@Component({
  selector: 'app-delegation-card',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatExpansionModule],
  templateUrl: './delegation-card.html',
  styleUrl: './delegation-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegationCard {
  readonly delegation = input.required<Delegation>();
  readonly canConfirm = input(false);
  readonly canRevoke = input(false);
  /** True while an action on this delegation is running. */
  readonly busy = input(false);

  readonly confirmMfa = output<Delegation>();
  readonly revoke = output<Delegation>();

  protected readonly title = computed(() => {
    const d = this.delegation();
    return d.bot ? `Bot: ${d.bot.name}` : `Delegate: ${d.delegate ?? 'unknown'}`;
  });
  protected readonly stateLabel = computed(
    () => DELEGATION_STATE_LABELS[this.delegation().state] ?? this.delegation().state,
  );
  /** The duration in words (`8 hours`); the API's `PT8H` stays in the data. */
  protected readonly durationWords = computed(() => durationText(this.delegation().duration));
  /** Where the scopes count: one broker connection, or all of the partner's. */
  protected readonly connectionText = computed(() => {
    const d = this.delegation();
    return d.connection ? (d.connectionLabel ?? d.connection) : 'All connections';
  });
  protected readonly approved = computed(
    () => this.delegation().approvals.filter((approval) => approval.approved).length,
  );
}
