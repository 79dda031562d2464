import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { map } from 'rxjs';
import { injectNow } from '../../../shared/time/clock';
import { durationText } from '../../../shared/time/time-format';
import { LoginHealthData } from '../../api/widgets/login-health';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { sessionCountdown } from '../countdown';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** login-health: last login, failed logins, MFA and the session's remaining time (ticking). */
@Component({
  selector: 'app-login-health-widget',
  imports: [WidgetCard, DatePipe, MatIconModule],
  template: `
    <app-widget-card title="Login health" [state]="poll.state()" (retry)="poll.refresh()">
      @if (data(); as d) {
        <dl class="facts">
          <dt>Last login</dt>
          <dd>
            @if (d.lastLoginAt) {
              <time [attr.datetime]="d.lastLoginAt">{{ d.lastLoginAt | date: 'medium' }}</time>
            } @else {
              None in the last 7 days
            }
          </dd>
          <dt>Failed logins ({{ windowText(d.window) }})</dt>
          <dd [class.warn]="failedWarning()">{{ d.failedLogins }}</dd>
          <dt>MFA</dt>
          <dd>
            @if (d.mfaSetUp) {
              Set up
            } @else {
              <span class="warn">Not set up</span> — set up a one-time code in your account
            }
          </dd>
          <dt>Session</dt>
          <dd>
            @if (session(); as s) {
              <span [class.warn]="s.warning" [attr.role]="s.warning ? 'alert' : null">{{
                s.text
              }}</span>
              @if (s.warning && !s.ended) {
                — save your work, you will be asked to sign in again soon
              }
            } @else {
              Not known
            }
          </dd>
        </dl>
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginHealthWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  private readonly now = injectNow();
  protected readonly poll = pollWidget(() =>
    this.api
      .widget<LoginHealthData>('login-health', { window: this.settings().window })
      .pipe(map((response) => response.data)),
  );
  protected readonly data = computed(() => dataOf(this.poll.state()));
  protected readonly session = computed(() =>
    sessionCountdown(this.data()?.sessionExpiresAt ?? null, this.now()),
  );
  protected readonly failedWarning = computed(
    () => (this.data()?.failedLogins ?? 0) >= (this.settings().failedLoginsWarn ?? 3),
  );
  protected windowText(window: string): string {
    return `last ${durationText(window)}`;
  }
}
