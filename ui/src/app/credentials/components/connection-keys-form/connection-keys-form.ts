import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ServerFieldErrors } from '../../../shared/forms/server-field-errors';
import { CredentialsApi } from '../../credentials-api';
import { Broker, Connection, NewConnection } from '../../credentials.models';

type ControlName = keyof NewConnection;

/** The path at the workspace where brokers send the browser back after their login. */
export const CALLBACK_PATH = '/api/brokers/callback';

/**
 * Step "Keys" of adding a connection: the broker, a label and the keys of the partner's app at
 * the broker (named as the broker names them). Posts them and emits the created connection.
 */
@Component({
  selector: 'app-connection-keys-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './connection-keys-form.html',
  styles: `
    .form {
      display: flex;
      flex-direction: column;
    }
    .field {
      width: 100%;
    }
    .field .secret {
      font-family: 'Roboto Mono', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .callback {
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionKeysForm {
  private readonly api = inject(CredentialsApi);

  readonly brokers = input.required<readonly Broker[]>();
  readonly created = output<Connection>();

  protected readonly callbackUrl = window.location.origin + CALLBACK_PATH;
  protected readonly form = new FormGroup({
    broker: new FormControl('', { nonNullable: true, validators: Validators.required }),
    label: new FormControl('', { nonNullable: true, validators: Validators.required }),
    apiKey: new FormControl('', { nonNullable: true, validators: Validators.required }),
    apiSecret: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
  protected readonly submitting = signal(false);
  protected readonly server = new ServerFieldErrors(this.form);

  private readonly brokerId = toSignal(this.form.controls.broker.valueChanges, {
    initialValue: '',
  });
  protected readonly broker = computed(
    () => this.brokers().find((broker) => broker.id === this.brokerId()) ?? null,
  );
  protected readonly keyLabel = computed(() => this.broker()?.apiKeyLabel || 'API key');
  protected readonly secretLabel = computed(() => this.broker()?.apiSecretLabel || 'API secret');

  constructor() {
    // The only broker is chosen for the user.
    effect(() => {
      const brokers = this.brokers();
      const control = this.form.controls.broker;
      if (brokers.length === 1 && !control.value) {
        control.setValue(brokers[0].id);
      }
    });
  }

  protected fieldError(name: ControlName): string {
    const server = this.server.message(name);
    if (server) {
      return server;
    }
    if (!this.form.controls[name].hasError('required')) {
      return '';
    }
    switch (name) {
      case 'broker':
        return 'Choose a broker';
      case 'label':
        return 'Enter a label';
      case 'apiKey':
        return `Enter the ${this.keyLabel()}`;
      case 'apiSecret':
        return `Enter the ${this.secretLabel()}`;
    }
  }

  protected submit(): void {
    this.server.clearProblem();
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: NewConnection = {
      broker: value.broker,
      label: value.label.trim(),
      apiKey: value.apiKey.trim(),
      apiSecret: value.apiSecret.trim(),
    };
    this.submitting.set(true);
    this.api.create(body).subscribe({
      next: (connection) => {
        this.submitting.set(false);
        this.created.emit(connection);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.server.show(error);
      },
    });
  }
}
