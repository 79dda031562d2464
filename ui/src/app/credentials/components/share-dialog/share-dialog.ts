import { DatePipe } from '@angular/common';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { StepUp } from '../../../core/auth/step-up';
import { ServerFieldErrors } from '../../../shared/forms/server-field-errors';
import { CredentialsApi } from '../../credentials-api';
import { Connection, SHARE_TTLS, ShareLink, ShareRequest } from '../../credentials.models';
import { PENDING_SHARE_KEY, PendingShare, shareReturnPath } from '../../step-up';

export interface ShareDialogData {
  readonly connection: Connection;
  /** A request that waited for the step-up login: sent at once (and never stepped up again). */
  readonly pending?: ShareRequest | null;
}

type ControlName = 'recipient' | 'ttl';

const REQUIRED_MESSAGES: Readonly<Record<ControlName, string>> = {
  recipient: 'Enter the username of the recipient',
  ttl: 'Choose how long the link stays valid',
};

/**
 * Creates a one-time share link for a connection: the recipient opens it with a code mailed to
 * them. Steps up to MFA when the engine asks for it (the request is sent again after the login).
 */
@Component({
  selector: 'app-share-dialog',
  imports: [
    DatePipe,
    CdkCopyToClipboard,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './share-dialog.html',
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      min-width: min(420px, 80vw);
    }
    .row {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .field {
      flex: 1 1 auto;
      width: 100%;
    }
    .row .link {
      font-family: 'Roboto Mono', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShareDialog implements OnInit {
  private readonly api = inject(CredentialsApi);
  private readonly stepUp = inject(StepUp);
  protected readonly data = inject<ShareDialogData>(MAT_DIALOG_DATA);

  protected readonly ttls = SHARE_TTLS;
  protected readonly form = new FormGroup({
    recipient: new FormControl('', { nonNullable: true, validators: Validators.required }),
    ttl: new FormControl(SHARE_TTLS[0].value, {
      nonNullable: true,
      validators: Validators.required,
    }),
  });
  protected readonly submitting = signal(false);
  protected readonly link = signal<ShareLink | null>(null);
  protected readonly status = signal('');
  protected readonly server = new ServerFieldErrors(this.form);

  ngOnInit(): void {
    const pending = this.data.pending;
    if (pending) {
      this.form.setValue({ recipient: pending.recipient, ttl: pending.ttl });
      this.send(false);
    }
  }

  protected fieldError(name: ControlName): string {
    return (
      this.server.message(name) ??
      (this.form.controls[name].hasError('required') ? REQUIRED_MESSAGES[name] : '')
    );
  }

  protected submit(): void {
    this.send(true);
  }

  protected onCopied(copied: boolean): void {
    this.status.set(
      copied
        ? 'Share link copied to the clipboard.'
        : 'Could not copy: select the link and copy it.',
    );
  }

  private send(allowStepUp: boolean): void {
    this.server.clearProblem();
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const request: ShareRequest = {
      recipient: this.form.controls.recipient.value.trim(),
      ttl: this.form.controls.ttl.value,
    };
    const id = this.data.connection.id;
    this.submitting.set(true);
    this.api.share(id, request).subscribe({
      next: (link) => {
        this.submitting.set(false);
        this.link.set(link);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const pending: PendingShare = { connectionId: id, ...request };
        if (
          allowStepUp &&
          this.stepUp.startIfRequired(error, PENDING_SHARE_KEY, pending, shareReturnPath(id))
        ) {
          this.status.set('Sign in again with your one-time code to create the link.');
          return;
        }
        this.server.show(error);
      },
    });
  }
}
