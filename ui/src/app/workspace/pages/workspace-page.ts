import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MeStore } from '../../core/me/me.store';
import { ProfilePanel } from '../profile/profile-panel/profile-panel';

@Component({
  selector: 'app-workspace-page',
  imports: [MatCardModule, ProfilePanel],
  template: `
    <h1>Welcome, {{ store.displayName() }}</h1>
    <mat-card appearance="outlined" class="profile-card">
      <mat-card-header>
        <mat-card-title><h2 class="card-title">Your profile</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <app-profile-panel />
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .profile-card {
      max-width: 640px;
    }
    .card-title {
      margin: 0 0 12px;
      font: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspacePage {
  protected readonly store = inject(MeStore);
}
