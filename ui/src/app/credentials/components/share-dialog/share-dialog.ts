import { DatePipe } from '@angular/common';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { StepUp } from '../../../core/auth/step-up';
import { problemFieldErrors, problemMessage } from '../../../core/http/problem';
import { CredentialsApi } from '../../credentials-api';
import { Connection, SHARE_TTLS, ShareLink, ShareRequest } from '../../credentials.models';
import { PENDING_SHARE_KEY, PendingShare, shareReturnPath } from '../../step-up';

export interface ShareDialogData {
  readonly connection: Connection;
  /** A request that waited for the step-up login: sent at once (and never stepped up again). */
  readonly pending?: ShareRequest | null;
}

type ControlName = 'recipient' | 'outsideEmail' | 'ttl';
const CONTROL_NAMES: readonly ControlName[] = ['recipient', 'outsideEmail', 'ttl'];

const REQUIRED_MESSAGES: Readonly<Record<ControlName, string>> = {
  recipient: 'Enter the username of the recipient',
  outsideEmail: 'Enter the email address outside the partner',
  ttl: 'Choose how long the link stays valid',
};

/**
 * Creates a one-time share link for a connection: the recipient opens it with a code mailed to
 * them. The recipient is one of the partner's people (by username), or an email address outside
 * the partner that the sharer names on purpose (the engine audits it as such). Steps up to MFA
 * when the engine asks for it (the request is sent again after the login).
 */
@Component({
  selector: 'app-share-dialog',
  imports: [
    DatePipe,
    CdkCopyToClipboard,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
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
    .outside {
      margin-bottom: 8px;
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
    outside: new FormControl(false, { nonNullable: true }),
    outsideEmail: new FormControl(
      { value: '', disabled: true },
      { nonNullable: true, validators: [Validators.required, Validators.email] },
    ),
    ttl: new FormControl(SHARE_TTLS[0].value, {
      nonNullable: true,
      validators: Validators.required,
    }),
  });
  protected readonly submitting = signal(false);
  protected readonly link = signal<ShareLink | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly otherErrors = signal<readonly string[]>([]);
  protected readonly status = signal('');
  private readonly serverErrors = signal<Partial<Record<ControlName, string>>>({});

  constructor() {
    for (const name of CONTROL_NAMES) {
      this.form.controls[name].valueChanges.subscribe(() => {
        if (this.serverErrors()[name]) {
          this.serverErrors.update((errors) => ({ ...errors, [name]: undefined }));
        }
      });
    }
    this.form.controls.outside.valueChanges.subscribe((outside) => this.showOutside(outside));
  }

  ngOnInit(): void {
    const pending = this.data.pending;
    if (pending) {
      const outside = pending.outsideEmail !== undefined;
      this.form.controls.outside.setValue(outside);
      this.form.patchValue({
        recipient: pending.recipient ?? '',
        outsideEmail: pending.outsideEmail ?? '',
        ttl: pending.ttl,
      });
      this.send(false);
    }
  }

  protected outside(): boolean {
    return this.form.controls.outside.value;
  }

  protected fieldError(name: ControlName): string {
    const control = this.form.controls[name];
    if (this.serverErrors()[name]) {
      return this.serverErrors()[name]!;
    }
    if (control.hasError('required')) {
      return REQUIRED_MESSAGES[name];
    }
    return control.hasError('email') ? 'Enter an email address' : '';
  }

  /** Exactly one of the two recipient fields takes part in the form. */
  private showOutside(outside: boolean): void {
    const [shown, hidden] = outside
      ? [this.form.controls.outsideEmail, this.form.controls.recipient]
      : [this.form.controls.recipient, this.form.controls.outsideEmail];
    shown.enable({ emitEvent: false });
    hidden.disable({ emitEvent: false });
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
    this.error.set(null);
    this.otherErrors.set([]);
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const ttl = this.form.controls.ttl.value;
    const request: ShareRequest = this.outside()
      ? { outsideEmail: this.form.controls.outsideEmail.value.trim(), ttl }
      : { recipient: this.form.controls.recipient.value.trim(), ttl };
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
        this.showProblem(error);
      },
    });
  }

  private showProblem(error: unknown): void {
    const byControl: Partial<Record<ControlName, string>> = {};
    const other: string[] = [];
    for (const [field, message] of Object.entries(problemFieldErrors(error))) {
      const name = CONTROL_NAMES.find((control) => control === field);
      if (name && !byControl[name]) {
        byControl[name] = message;
      } else {
        other.push(`${field}: ${message}`);
      }
    }
    this.serverErrors.set(byControl);
    for (const name of Object.keys(byControl) as ControlName[]) {
      const control = this.form.controls[name];
      control.setErrors({ ...control.errors, server: byControl[name] });
      control.markAsTouched();
    }
    this.otherErrors.set(other);
    this.error.set(problemMessage(error));
  }
}
