import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { WINDOWS, WidgetSettings } from '../api/workspace.models';
import { WINDOW_LABELS } from '../widgets/latency/latency-chart';

export interface WidgetSettingsDialogData {
  readonly title: string;
  readonly keys: readonly (keyof WidgetSettings)[];
  readonly settings: WidgetSettings;
}

const NUMBER_LABELS: Readonly<Record<string, string>> = {
  warnHours: 'Warn this many hours before',
  p95TargetMs: 'p95 target (ms)',
  errorRateTarget: 'Error rate target (0 to 1)',
  expiringDays: 'Expiring within (days)',
  failedLoginsWarn: 'Warn at this many failed logins',
};

/** Per-widget settings (window and thresholds); closes with the new settings, or nothing on Cancel. */
@Component({
  selector: 'app-widget-settings-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>Settings of {{ data.title }}</h2>
    <mat-dialog-content>
      @for (key of data.keys; track key) {
        @if (key === 'window') {
          <mat-form-field>
            <mat-label>Window</mat-label>
            <mat-select [(ngModel)]="values['window']" name="window">
              @for (w of windows; track w) {
                <mat-option [value]="w">{{ windowLabels[w] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ numberLabels[key] }}</mat-label>
            <input matInput type="number" min="0" [(ngModel)]="values[key]" [name]="key" />
          </mat-form-field>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="result()">Apply</button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WidgetSettingsDialog {
  protected readonly data = inject<WidgetSettingsDialogData>(MAT_DIALOG_DATA);
  protected readonly windows = WINDOWS;
  protected readonly windowLabels = WINDOW_LABELS;
  protected readonly numberLabels = NUMBER_LABELS;
  protected readonly values: Record<string, string | number | null | undefined> = {
    ...this.data.settings,
  };

  protected result(): WidgetSettings {
    const result: Record<string, string | number> = {};
    for (const key of this.data.keys) {
      const value = this.values[key];
      if (value === null || value === undefined || value === '') {
        continue;
      }
      result[key] = key === 'window' ? String(value) : Number(value);
    }
    return result as WidgetSettings;
  }
}
