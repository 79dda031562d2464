import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { problemMessage } from '../../core/http/problem';
import { AddPartnerDialog } from '../components/add-partner-dialog/add-partner-dialog';
import { PartnersApi } from '../partners-api';
import {
  Invitation,
  ONBOARDING_LABELS,
  OnboardingState,
  Partner,
  Traits,
} from '../partners.models';

/**
 * Ops' list of partners with where each one's onboarding stands (invited, account set up, first
 * Active connection and how long that took), and "Add partner".
 */
@Component({
  selector: 'app-partners-page',
  imports: [DatePipe, MatButtonModule, MatProgressSpinnerModule, MatTableModule],
  templateUrl: './partners-page.html',
  styles: `
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      flex-wrap: wrap;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .partners {
      width: 100%;
    }
    .traits {
      font-size: 0.85em;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnersPage implements OnInit {
  private readonly api = inject(PartnersApi);
  private readonly dialog = inject(MatDialog);

  protected readonly columns = [
    'partner',
    'email',
    'traits',
    'state',
    'invitedAt',
    'firstActiveAt',
  ];
  protected readonly partners = signal<readonly Partner[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly status = signal('');

  ngOnInit(): void {
    this.load();
  }

  protected stateLabel(state: OnboardingState): string {
    return ONBOARDING_LABELS[state];
  }

  protected traitsText(traits: Traits): string {
    return Object.entries(traits)
      .map(([trait, value]) => `${trait}: ${value}`)
      .join(', ');
  }

  protected add(): void {
    this.dialog
      .open<AddPartnerDialog, unknown, Invitation>(AddPartnerDialog, {
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((invitation) => {
        if (invitation) {
          this.status.set(`Partner ${invitation.id} invited; the emails are on their way.`);
          this.load();
        }
      });
  }

  private load(): void {
    this.api.list().subscribe({
      next: (partners) => {
        this.partners.set(partners);
        this.loadError.set(null);
        this.loaded.set(true);
      },
      error: (error: unknown) => this.loadError.set(problemMessage(error)),
    });
  }
}
