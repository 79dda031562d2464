import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MeStore } from '../../../core/me/me.store';

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

  protected retry(): void {
    this.store.reload();
  }
}
