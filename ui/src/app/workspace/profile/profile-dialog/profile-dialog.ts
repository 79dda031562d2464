import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { ProfilePanel } from '../profile-panel/profile-panel';

/** The profile panel opened from the toolbar's "Profile" button. */
@Component({
  selector: 'app-profile-dialog',
  imports: [MatDialogModule, MatButtonModule, ProfilePanel],
  template: `
    <h2 mat-dialog-title>Your profile</h2>
    <mat-dialog-content>
      <app-profile-panel />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileDialog {}
