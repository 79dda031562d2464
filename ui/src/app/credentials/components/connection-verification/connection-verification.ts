import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { take } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { BrowserNavigation } from '../../browser-navigation';
import { CredentialsApi } from '../../credentials-api';
import {
  Connection,
  ConnectionFailure,
  RECONNECTABLE_STATES,
  USABLE_STATES,
} from '../../credentials.models';
import { pollUntil } from '../../poll';
import { FailureNotice } from '../failure-notice/failure-notice';

/** How many times (every 2 s) the page asks before it stops waiting for the verification. */
export const MAX_VERIFICATION_POLLS = 60;

/** Shown when the broker sent the browser back without a failure the engine could name. */
export const LOGIN_NOT_COMPLETED: ConnectionFailure = {
  type: 'https://partner-workspace/problems/connection-awaiting-authorisation',
  title: 'The broker login was not completed',
  detail: 'The broker sent the browser back without granting access. Try again with Reconnect.',
  guide: '/diagnostics/guides/awaiting-authorisation#finish-the-login',
};

const FAILED_STATES = ['EXPIRED', 'KEYS_REJECTED', 'BROKER_UNREACHABLE', 'REVOKED'];

/** Where a connection stands after the broker login. */
export function verificationOf(connection: Connection): 'verified' | 'failed' | 'pending' {
  if (connection.failure || FAILED_STATES.includes(connection.state)) {
    return 'failed';
  }
  return USABLE_STATES.includes(connection.state) && connection.activity !== 'onboarding'
    ? 'verified'
    : 'pending';
}

type View =
  | { readonly kind: 'verifying' }
  | { readonly kind: 'verified'; readonly connection: Connection }
  | { readonly kind: 'failed'; readonly connection: Connection | null }
  | { readonly kind: 'slow' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Step "Verified" of adding (or reconnecting) a connection, after the broker sent the browser
 * back: polls the connection until the engine verified the token (or names the failure).
 */
@Component({
  selector: 'app-connection-verification',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, FailureNotice],
  template: `
    @switch (view().kind) {
      @case ('verifying') {
        <mat-progress-bar mode="indeterminate" aria-label="Verifying the connection" />
        <p>Verifying the connection with the broker…</p>
      }
      @case ('verified') {
        @if (verified(); as connection) {
          <p class="verified">
            <mat-icon aria-hidden="true">check_circle</mat-icon>
            <span>Connection verified</span>
          </p>
          <p>
            “{{ connection.label }}” is connected to {{ connection.brokerName }}.
            @if (connection.lastVerificationMillis !== null) {
              The broker answered in {{ connection.lastVerificationMillis }} ms.
            }
          </p>
        }
      }
      @case ('failed') {
        <app-failure-notice [failure]="failure()" />
        @if (canReconnect()) {
          <p class="actions">
            <button mat-flat-button type="button" [disabled]="reconnecting()" (click)="reconnect()">
              Reconnect
            </button>
          </p>
        }
      }
      @case ('slow') {
        <p>
          The broker has not confirmed the connection yet. Its card on the Credentials page shows
          when it does.
        </p>
      }
      @case ('error') {
        <p class="error" role="alert">{{ errorMessage() }}</p>
      }
    }
    @if (reconnectError(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    .verified {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionVerification implements OnInit {
  private readonly api = inject(CredentialsApi);
  private readonly navigation = inject(BrowserNavigation);
  private readonly destroyRef = inject(DestroyRef);

  readonly connectionId = input.required<string>();
  /** True when the broker callback reported a failure (`?failed=<id>`). */
  readonly failed = input(false);

  protected readonly view = signal<View>({ kind: 'verifying' });
  protected readonly reconnecting = signal(false);
  protected readonly reconnectError = signal<string | null>(null);

  ngOnInit(): void {
    const id = this.connectionId();
    if (this.failed()) {
      this.api
        .get(id)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (connection) => this.view.set({ kind: 'failed', connection }),
          error: () => this.view.set({ kind: 'failed', connection: null }),
        });
      return;
    }
    let last: Connection | null = null;
    pollUntil(
      () => this.api.get(id),
      (connection) => verificationOf(connection) !== 'pending',
      2000,
      0,
    )
      .pipe(take(MAX_VERIFICATION_POLLS), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (connection) => {
          last = connection;
          const outcome = verificationOf(connection);
          if (outcome === 'verified') {
            this.view.set({ kind: 'verified', connection });
          } else if (outcome === 'failed') {
            this.view.set({ kind: 'failed', connection });
          }
        },
        error: (error: unknown) => this.view.set({ kind: 'error', message: problemMessage(error) }),
        complete: () => {
          if (last && verificationOf(last) === 'pending') {
            this.view.set({ kind: 'slow' });
          }
        },
      });
  }

  protected verified(): Connection | null {
    const view = this.view();
    return view.kind === 'verified' ? view.connection : null;
  }

  protected failure(): Pick<ConnectionFailure, 'title' | 'detail' | 'guide'> {
    const view = this.view();
    return (view.kind === 'failed' && view.connection?.failure) || LOGIN_NOT_COMPLETED;
  }

  protected canReconnect(): boolean {
    const view = this.view();
    return (
      view.kind === 'failed' &&
      (view.connection === null || RECONNECTABLE_STATES.includes(view.connection.state))
    );
  }

  protected errorMessage(): string {
    const view = this.view();
    return view.kind === 'error' ? view.message : '';
  }

  protected reconnect(): void {
    this.reconnecting.set(true);
    this.reconnectError.set(null);
    this.api
      .reconnect(this.connectionId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (connection) => {
          if (connection.authorizationUrl) {
            this.navigation.assign(connection.authorizationUrl);
          } else {
            this.reconnecting.set(false);
            this.reconnectError.set('The workspace did not send a broker login address.');
          }
        },
        error: (error: unknown) => {
          this.reconnecting.set(false);
          this.reconnectError.set(problemMessage(error));
        },
      });
  }
}
