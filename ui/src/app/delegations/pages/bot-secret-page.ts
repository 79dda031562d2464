import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { problemMessage } from '../../core/http/problem';
import { DelegationsApi } from '../delegations-api';
import { BotSecret } from '../delegations.models';

export const LINK_GONE = 'This link was already used or has expired.';
export const LINK_WITHOUT_TOKEN = 'This link is incomplete. Open the link from the email again.';

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'secret'; readonly secret: BotSecret }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Opened from the email link `/delegations/bot-secret#<id>`: the link's opaque id sits in the
 * fragment, so it never reaches a server log. Redeems it once (only for the person it was sent to)
 * and shows the bot's client secret (only this once).
 */
@Component({
  selector: 'app-bot-secret-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressSpinnerModule],
  template: `
    <h1>Bot client secret</h1>
    @switch (view().kind) {
      @case ('loading') {
        <mat-progress-spinner mode="indeterminate" diameter="32" aria-label="Loading the secret" />
      }
      @case ('error') {
        <p class="error" role="alert">{{ errorMessage() }}</p>
      }
      @case ('secret') {
        @if (secret(); as secret) {
          <p>
            Copy the secret now and store it safely: it is shown only once and cannot be shown
            again.
          </p>
          <div class="fields">
            <mat-form-field class="field">
              <mat-label>Client ID</mat-label>
              <input matInput readonly [value]="secret.clientId" />
            </mat-form-field>
            <div class="secret-row">
              <mat-form-field class="field">
                <mat-label>Client secret</mat-label>
                <input matInput readonly [value]="secret.clientSecret" />
              </mat-form-field>
              <button mat-flat-button type="button" (click)="copy(secret.clientSecret)">
                Copy
              </button>
            </div>
          </div>
        }
      }
    }
    <p class="status" role="status">{{ status() }}</p>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      max-width: 640px;
    }
    .secret-row {
      display: flex;
      align-items: baseline;
      gap: 12px;
    }
    .field {
      flex: 1 1 auto;
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BotSecretPage implements OnInit {
  private readonly api = inject(DelegationsApi);

  protected readonly view = signal<View>({ kind: 'loading' });
  protected readonly status = signal('');

  ngOnInit(): void {
    const token = takeTokenFromAddress();
    if (!token) {
      this.view.set({ kind: 'error', message: LINK_WITHOUT_TOKEN });
      return;
    }
    this.api.redeemBotSecret(token).subscribe({
      next: (secret) => this.view.set({ kind: 'secret', secret }),
      error: (error: unknown) =>
        this.view.set({
          kind: 'error',
          message:
            error instanceof HttpErrorResponse && error.status === 410
              ? LINK_GONE
              : problemMessage(error),
        }),
    });
  }

  protected secret(): BotSecret | null {
    const view = this.view();
    return view.kind === 'secret' ? view.secret : null;
  }

  protected errorMessage(): string {
    const view = this.view();
    return view.kind === 'error' ? view.message : '';
  }

  protected copy(value: string): void {
    const clipboard = navigator.clipboard;
    if (!clipboard) {
      this.status.set('Copying is not available here: select the secret and copy it.');
      return;
    }
    clipboard.writeText(value).then(
      () => this.status.set('Client secret copied to the clipboard.'),
      () => this.status.set('Could not copy: select the secret and copy it.'),
    );
  }
}

/** Reads the token from the fragment and removes it from the address bar (and the history entry). */
function takeTokenFromAddress(): string {
  const hash = window.location.hash;
  const token = hash.startsWith('#') ? decodeFragment(hash.slice(1)) : '';
  if (hash) {
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
  }
  return token;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment).trim();
  } catch {
    return fragment.trim();
  }
}
