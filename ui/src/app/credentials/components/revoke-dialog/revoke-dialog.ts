import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';

export interface RevokeDialogData {
  readonly label: string;
  readonly brokerName: string;
}

/** What revoking a connection does; closes with `true` when the user confirms. */
export const REVOKE_CONSEQUENCES: readonly string[] = [
  'The token is revoked at the broker',
  'Every stored version of the credential is destroyed in Vault',
  'Delegations that depend on this connection end',
  'Everyone affected is notified',
];

@Component({
  selector: 'app-revoke-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Revoke “{{ data.label }}”?</h2>
    <mat-dialog-content>
      <p>Revoking the {{ data.brokerName }} connection cannot be undone:</p>
      <ul class="consequences">
        @for (consequence of consequences; track consequence) {
          <li>{{ consequence }}</li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">
        Revoke connection
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .consequences {
      margin: 8px 0 0;
      padding-left: 20px;
    }
    .danger {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevokeDialog {
  protected readonly data = inject<RevokeDialogData>(MAT_DIALOG_DATA);
  protected readonly consequences = REVOKE_CONSEQUENCES;
}
