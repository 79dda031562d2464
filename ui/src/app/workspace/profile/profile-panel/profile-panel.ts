import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MeStore } from '../../../core/me/me.store';

/**
 * How the user signed in, from the token's `acr` (the realm maps `password` to level 1 and `mfa`,
 * the one-time code step-up, to level 2).
 */
export function signInText(acr: string | null): string {
  switch (acr) {
    case null:
      return 'Not available';
    case 'password':
    case '1':
      return 'Signed in with password';
    case 'mfa':
    case '2':
      return 'Signed in with password and one-time code';
    default:
      return `Signed in (${acr})`;
  }
}

/** The signed-in user's profile from `/api/me`, as a description list (used in the dialog and on Workspace). */
@Component({
  selector: 'app-profile-panel',
  imports: [DatePipe, MatButtonModule, MatChipsModule, MatProgressSpinnerModule],
  templateUrl: './profile-panel.html',
  styleUrl: './profile-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePanel implements OnInit {
  protected readonly store = inject(MeStore);

  ngOnInit(): void {
    this.store.ensureLoaded();
  }

  protected signInText(acr: string | null): string {
    return signInText(acr);
  }

  protected retry(): void {
    this.store.reload();
  }
}
