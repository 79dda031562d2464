import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ServerFieldErrors } from '../../../shared/forms/server-field-errors';
import { AlertsApi } from '../../alerts-api';
import { Alert, AlertSeverity, SEVERITIES, SEVERITY_LABELS } from '../../alerts.models';

/** Ops only: raises a test alert for a partner, to check that the alert channels reach people. */
@Component({
  selector: 'app-test-alert-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './test-alert-form.html',
  styleUrl: './test-alert-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TestAlertForm {
  private readonly api = inject(AlertsApi);

  readonly raised = output<Alert>();

  protected readonly severities = SEVERITIES;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly form = new FormGroup({
    partner: new FormControl('', { nonNullable: true, validators: Validators.required }),
    severity: new FormControl<AlertSeverity>('WARNING', { nonNullable: true }),
  });
  protected readonly submitting = signal(false);
  /** The engine's answer to a failed request: the partner's message under it, and the detail. */
  protected readonly server = new ServerFieldErrors(this.form);

  protected submit(): void {
    this.server.clearProblem();
    const partner = this.form.controls.partner.value.trim();
    if (!partner) {
      this.form.controls.partner.setErrors({ required: true });
      this.form.controls.partner.markAsTouched();
      return;
    }
    if (this.submitting()) {
      return;
    }
    this.submitting.set(true);
    this.api.raiseTest({ partner, severity: this.form.controls.severity.value }).subscribe({
      next: (alert) => {
        this.submitting.set(false);
        this.raised.emit(alert);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.server.show(error);
      },
    });
  }
}
