import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ServerFieldErrors } from '../../../shared/forms/server-field-errors';
import { PartnersApi } from '../../partners-api';
import {
  CHANNELS,
  EXPERIENCES,
  Invitation,
  LATENCY_SENSITIVITIES,
  NewPartner,
  TRADING_STYLES,
} from '../../partners.models';

type ControlName =
  | 'id'
  | 'displayName'
  | 'email'
  | 'tradingStyle'
  | 'latencySensitivity'
  | 'brokerCount'
  | 'teamSize'
  | 'preferredChannels'
  | 'experience';

const REQUIRED: Readonly<Record<ControlName, string>> = {
  id: 'Enter an id, e.g. ravi',
  displayName: 'Enter the name to show',
  email: 'Enter the email address',
  tradingStyle: 'Choose a trading style',
  latencySensitivity: 'Choose a latency sensitivity',
  brokerCount: 'Enter the number of brokers',
  teamSize: 'Enter the team size',
  preferredChannels: 'Choose at least one channel',
  experience: 'Choose the experience',
};

/** The engine names trait fields `traits.<trait>`; the form keeps them flat beside the others. */
export function controlFor(field: string): string | null {
  const name = field.startsWith('traits.') ? field.substring('traits.'.length) : field;
  return name in REQUIRED ? name : null;
}

/**
 * "Add partner" for ops: id, display name, email and the persona traits. Posts them (which starts
 * partner-invitation) and closes with the invitation; a 400 or a 409 shows on the fields it names.
 */
@Component({
  selector: 'app-add-partner-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './add-partner-dialog.html',
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      column-gap: 16px;
      min-width: min(520px, 80vw);
    }
    .wide {
      grid-column: 1 / -1;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddPartnerDialog {
  private readonly api = inject(PartnersApi);
  private readonly ref = inject<MatDialogRef<AddPartnerDialog, Invitation>>(MatDialogRef);

  protected readonly tradingStyles = TRADING_STYLES;
  protected readonly sensitivities = LATENCY_SENSITIVITIES;
  protected readonly experiences = EXPERIENCES;
  protected readonly channels = CHANNELS;

  protected readonly form = new FormGroup({
    id: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[a-z][a-z0-9-]*[a-z0-9]$/)],
    }),
    displayName: new FormControl('', { nonNullable: true, validators: Validators.required }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    tradingStyle: new FormControl('', { nonNullable: true, validators: Validators.required }),
    latencySensitivity: new FormControl('', {
      nonNullable: true,
      validators: Validators.required,
    }),
    brokerCount: new FormControl(1, { nonNullable: true, validators: Validators.required }),
    teamSize: new FormControl(1, { nonNullable: true, validators: Validators.required }),
    preferredChannels: new FormControl<string[]>(['email'], {
      nonNullable: true,
      validators: Validators.required,
    }),
    experience: new FormControl('new', { nonNullable: true, validators: Validators.required }),
  });
  protected readonly submitting = signal(false);
  protected readonly server = new ServerFieldErrors(this.form, controlFor);

  protected fieldError(name: ControlName): string {
    const server = this.server.message(name);
    if (server) {
      return server;
    }
    const control = this.form.controls[name];
    if (control.hasError('required')) {
      return REQUIRED[name];
    }
    if (control.hasError('pattern')) {
      return 'Lowercase letters, digits and -, starting with a letter';
    }
    if (control.hasError('email')) {
      return 'Enter a valid email address';
    }
    return '';
  }

  protected submit(): void {
    this.server.clearProblem();
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: NewPartner = {
      id: value.id.trim(),
      displayName: value.displayName.trim(),
      email: value.email.trim(),
      traits: {
        tradingStyle: value.tradingStyle as NewPartner['traits']['tradingStyle'],
        latencySensitivity: value.latencySensitivity as NewPartner['traits']['latencySensitivity'],
        brokerCount: Number(value.brokerCount),
        teamSize: Number(value.teamSize),
        preferredChannels: value.preferredChannels.join(','),
        experience: value.experience as NewPartner['traits']['experience'],
      },
    };
    this.submitting.set(true);
    this.api.add(body).subscribe({
      next: (invitation) => {
        this.submitting.set(false);
        this.ref.close(invitation);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.server.show(error);
      },
    });
  }
}
