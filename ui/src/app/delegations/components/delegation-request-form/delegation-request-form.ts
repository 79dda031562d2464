import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DurationPicker } from '../../../shared/forms/duration-picker/duration-picker';
import { ServerFieldErrors } from '../../../shared/forms/server-field-errors';
import { durationText, isoSeconds } from '../../../shared/time/time-format';
import { DelegationsApi } from '../../delegations-api';
import {
  ConnectionChoice,
  Delegation,
  DelegationRequest,
  Scope,
  TeamMember,
} from '../../delegations.models';

/** Value of the "Delegate" select that stands for a new bot instead of a teammate. */
export const NEW_BOT = '__new-bot__';

export const DEFAULT_DURATION = 'PT8H';

type ControlName = 'delegate' | 'botName' | 'scopes' | 'connection' | 'duration' | 'justification';

const REQUIRED_MESSAGES: Readonly<Record<ControlName, string>> = {
  delegate: 'Choose a teammate or a new bot',
  botName: 'Enter a name for the bot',
  scopes: 'Choose at least one scope',
  connection: '',
  duration: 'Enter a duration',
  justification: 'Explain why the delegation is needed',
};

function atLeastOne(control: AbstractControl<readonly string[]>): ValidationErrors | null {
  return control.value.length ? null : { required: true };
}

/** Maps an engine field name (`delegate`, `bot.name`, `scopes[0]`, ...) to the form's control. */
function controlFor(field: string): ControlName | null {
  const root = field.split(/[.[]/, 1)[0];
  switch (root) {
    case 'delegate':
    case 'scopes':
    case 'connection':
    case 'duration':
    case 'justification':
      return root;
    case 'bot':
    case 'botName':
      return 'botName';
    default:
      return null;
  }
}

/**
 * "Request a delegation": to a teammate or a new bot, with scopes (for all of the partner's broker
 * connections or one of them), a duration and a justification.
 * Posts the request itself and shows the engine's problem (detail and per-field errors) on failure.
 */
@Component({
  selector: 'app-delegation-request-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DurationPicker,
  ],
  templateUrl: './delegation-request-form.html',
  styleUrl: './delegation-request-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegationRequestForm {
  private readonly api = inject(DelegationsApi);

  readonly scopes = input.required<readonly Scope[]>();
  readonly team = input.required<readonly TeamMember[]>();
  /** The partner's broker connections; revoked ones are not offered. */
  readonly connections = input<readonly ConnectionChoice[]>([]);
  /** Emits the created delegation. */
  readonly requested = output<Delegation>();

  protected readonly newBot = NEW_BOT;
  protected readonly form = new FormGroup({
    delegate: new FormControl('', { nonNullable: true, validators: Validators.required }),
    botName: new FormControl(
      { value: '', disabled: true },
      { nonNullable: true, validators: Validators.required },
    ),
    scopes: new FormControl<readonly string[]>([], { nonNullable: true, validators: atLeastOne }),
    /** '' = all connections. */
    connection: new FormControl('', { nonNullable: true }),
    duration: new FormControl(DEFAULT_DURATION, {
      nonNullable: true,
      validators: Validators.required,
    }),
    justification: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  protected readonly submitting = signal(false);
  /** The engine's answer to a failed request: at the fields, and its detail. */
  protected readonly server = new ServerFieldErrors(this.form, controlFor);

  private readonly delegateValue = toSignal(this.form.controls.delegate.valueChanges, {
    initialValue: '',
  });
  protected readonly isBot = computed(() => this.delegateValue() === NEW_BOT);
  protected readonly connectionChoices = computed(() =>
    this.connections().filter((connection) => connection.state !== 'REVOKED'),
  );
  private readonly selectedScopes = toSignal(this.form.controls.scopes.valueChanges, {
    initialValue: [] as readonly string[],
  });
  private readonly submitted = signal(false);
  protected readonly scopesError = computed(() => {
    const server = this.server.message('scopes');
    if (server) {
      return server;
    }
    return this.submitted() && this.selectedScopes().length === 0 ? REQUIRED_MESSAGES.scopes : null;
  });

  /** The longest duration the chosen scopes allow, e.g. `At most 8 hours for these scopes`. */
  protected readonly durationHint = computed(() => {
    const limits = this.scopes()
      .filter((scope) => this.selectedScopes().includes(scope.name))
      .map((scope) => isoSeconds(scope.maxDuration))
      .filter((seconds): seconds is number => seconds !== null);
    if (!limits.length) {
      return '';
    }
    const shortest = this.scopes().find(
      (scope) => isoSeconds(scope.maxDuration) === Math.min(...limits),
    )!;
    return `At most ${durationText(shortest.maxDuration)} for these scopes`;
  });

  constructor() {
    this.form.controls.delegate.valueChanges.subscribe((value) => {
      const botName = this.form.controls.botName;
      if (value === NEW_BOT) {
        botName.enable({ emitEvent: false });
      } else {
        botName.disable({ emitEvent: false });
      }
    });
  }

  protected words(iso: string): string {
    return durationText(iso);
  }

  protected isSelected(scope: string): boolean {
    return this.selectedScopes().includes(scope);
  }

  protected toggleScope(scope: string, checked: boolean): void {
    const control = this.form.controls.scopes;
    const others = control.value.filter((s) => s !== scope);
    control.setValue(checked ? [...others, scope] : others);
    control.markAsTouched();
  }

  protected fieldError(name: ControlName): string {
    const server = this.server.message(name);
    if (server) {
      return server;
    }
    return this.form.controls[name].hasError('required') ? REQUIRED_MESSAGES[name] : '';
  }

  protected submit(): void {
    this.submitted.set(true);
    this.server.clearProblem();
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const common = {
      scopes: value.scopes,
      ...(value.connection ? { connection: value.connection } : {}),
      duration: value.duration,
      justification: value.justification.trim(),
    };
    const body: DelegationRequest =
      value.delegate === NEW_BOT
        ? { bot: { name: value.botName.trim() }, ...common }
        : { delegate: value.delegate, ...common };

    this.submitting.set(true);
    this.api.request(body).subscribe({
      next: (delegation) => {
        this.submitting.set(false);
        this.reset();
        this.requested.emit(delegation);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.server.show(error);
      },
    });
  }

  private reset(): void {
    this.form.reset();
    this.submitted.set(false);
    this.server.reset();
  }
}
