import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { BrowserNavigation } from '../../../credentials/browser-navigation';
import { CredentialsApi } from '../../../credentials/credentials-api';
import { injectNow } from '../../../shared/time/clock';
import { BrokerConnectionsData, ConnectionSummary } from '../../api/widgets/broker-connections';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { ageText, connectionCountdown } from '../countdown';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

const STATE_TEXT: Readonly<Record<string, string>> = {
  ACTIVE: 'Active',
  EXPIRING: 'Expiring',
  EXPIRED: 'Expired',
  AWAITING_AUTHORISATION: 'Awaiting broker login',
  KEYS_REJECTED: 'Keys rejected',
  BROKER_UNREACHABLE: 'Broker unreachable',
  REVOKED: 'Revoked',
};

/**
 * broker-connections: each connection's state, token age, a live countdown to expiry or to the
 * daily cut-off, and the action that fixes it: Reconnect starts the broker login right here (as
 * the Credentials page does); Fix and Rotate open the connection's flow on the Credentials page.
 */
@Component({
  selector: 'app-broker-connections-widget',
  imports: [WidgetCard, MatButtonModule, RouterLink],
  template: `
    <app-widget-card
      title="Broker connections"
      [state]="poll.state()"
      [empty]="connections().length === 0"
      emptyText="No broker connected yet. Add one on the Credentials page."
      (retry)="poll.refresh()"
    >
      @if (connections().length === 0) {
        <a mat-stroked-button routerLink="/credentials">Connect a broker</a>
      }
      @if (actionError(); as message) {
        <p role="alert" class="warn">{{ message }}</p>
      }
      <ul class="list">
        @for (c of connections(); track c.id) {
          <li class="row">
            <span class="grow">
              <strong>{{ c.label }}</strong> · {{ c.brokerName }}<br />
              <span [class.warn]="c.state !== 'ACTIVE'">{{ stateText(c.state) }}</span>
              · token age {{ age(c) }}
              @if (countdown(c); as cd) {
                · <span [class.warn]="cd.warning">{{ cd.text }}</span>
              }
            </span>
            @switch (c.action) {
              @case ('RECONNECT') {
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busyId() === c.id"
                  [attr.aria-label]="'Reconnect ' + c.label"
                  (click)="reconnect(c)"
                >
                  Reconnect
                </button>
              }
              @case ('FIX') {
                <a mat-stroked-button routerLink="/credentials" [attr.aria-label]="'Fix ' + c.label"
                  >Fix</a
                >
                @if (c.guide) {
                  <a mat-button [href]="c.guide" [attr.aria-label]="'Guide for ' + c.label"
                    >Guide</a
                  >
                }
              }
              @case ('ROTATE') {
                <a
                  mat-stroked-button
                  routerLink="/credentials"
                  [attr.aria-label]="'Rotate ' + c.label"
                  >Rotate</a
                >
              }
            }
          </li>
        }
      </ul>
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BrokerConnectionsWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  private readonly credentials = inject(CredentialsApi);
  private readonly navigation = inject(BrowserNavigation);
  private readonly now = injectNow();
  protected readonly poll = pollWidget(() =>
    this.api
      .widget<BrokerConnectionsData>('broker-connections')
      .pipe(map((response) => response.data)),
  );
  protected readonly connections = computed(() => dataOf(this.poll.state())?.connections ?? []);
  protected readonly busyId = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected stateText(state: string): string {
    return STATE_TEXT[state] ?? state;
  }

  /** Ticks with the clock: the age grows by the seconds since the data was read. */
  protected age(c: ConnectionSummary): string {
    if (c.tokenIssuedAt) {
      return ageText(Math.max(0, Math.floor((this.now() - Date.parse(c.tokenIssuedAt)) / 1000)));
    }
    return ageText(c.tokenAgeSeconds);
  }

  protected countdown(c: ConnectionSummary) {
    return connectionCountdown(c.expiresAt, c.dailyCutOffAt, this.now(), this.settings().warnHours);
  }

  protected reconnect(c: ConnectionSummary): void {
    this.busyId.set(c.id);
    this.actionError.set(null);
    this.credentials.reconnect(c.id).subscribe({
      next: (updated) => {
        this.busyId.set(null);
        if (updated.authorizationUrl) {
          this.navigation.assign(updated.authorizationUrl);
        } else {
          this.poll.refresh();
        }
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.actionError.set(problemMessage(error));
      },
    });
  }
}
