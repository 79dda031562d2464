import { ComponentType } from '@angular/cdk/portal';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router } from '@angular/router';
import { finalize } from 'rxjs';
import { StepUp } from '../../core/auth/step-up';
import { MeStore } from '../../core/me/me.store';
import { problemMessage } from '../../core/http/problem';
import { BrowserNavigation } from '../browser-navigation';
import {
  AddConnectionDialog,
  AddConnectionDialogData,
} from '../components/add-connection-dialog/add-connection-dialog';
import { ConnectionCard } from '../components/connection-card/connection-card';
import { GuidePanel } from '../../diagnostics/components/guide-panel/guide-panel';
import { SurveyCard } from '../../shared/survey/survey-card';
import { RevokeDialog, RevokeDialogData } from '../components/revoke-dialog/revoke-dialog';
import { ShareDialog, ShareDialogData } from '../components/share-dialog/share-dialog';
import { CredentialsApi } from '../credentials-api';
import { Connection, ShareRequest } from '../credentials.models';
import { pollUntil } from '../poll';
import { problemGuide } from '../problems';
import { RevealStore } from '../reveal-store';
import {
  PENDING_REVEAL_KEY,
  PENDING_SHARE_KEY,
  isPendingReveal,
  pendingShareOf,
  revealReturnPath,
} from '../step-up';

interface ActionError {
  readonly message: string;
  /** The troubleshooting guide of a connection state problem. */
  readonly guide: string | null;
}

/**
 * Broker connections of the partner: add one (keys, broker login, verification), and rotate,
 * reveal, share, reconnect or revoke it. Query parameters bring the user back into a process:
 * `connected`/`failed` (from the broker login) and `reveal`/`share` (from the MFA step-up).
 */
@Component({
  selector: 'app-credentials-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ConnectionCard,
    GuidePanel,
    SurveyCard,
  ],
  providers: [RevealStore],
  templateUrl: './credentials-page.html',
  styleUrl: './credentials-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CredentialsPage implements OnInit {
  private readonly api = inject(CredentialsApi);
  private readonly stepUp = inject(StepUp);
  private readonly meStore = inject(MeStore);
  /** Only a partner adds connections (to their own partner); others look, act on what they may. */
  protected readonly canAdd = computed(() => this.meStore.roles().includes('partner'));
  private readonly dialog = inject(MatDialog);
  private readonly navigation = inject(BrowserNavigation);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly reveals = inject(RevealStore);
  /** The one-question survey, offered after a rotation, a reveal or a first Active connection. */
  private readonly survey = viewChild(SurveyCard);

  /** Query parameters (bound by the router). */
  readonly connected = input<string>();
  readonly failed = input<string>();
  readonly reveal = input<string>();
  readonly share = input<string>();

  protected readonly connections = signal<readonly Connection[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** Outcome of the last action, announced politely. */
  protected readonly status = signal('');
  protected readonly actionError = signal<ActionError | null>(null);
  /** The connection an action is running on. */
  protected readonly busyId = signal<string | null>(null);

  /** Connections polled until their activity ends. */
  private readonly polling = new Set<string>();
  private readonly dialogs = new Set<MatDialogRef<unknown>>();

  constructor() {
    // Dialogs live outside the page: close them when the user leaves it (e.g. for a guide). Their
    // `afterClosed` handlers end with the page, so none of them acts on a page that is gone.
    this.destroyRef.onDestroy(() => this.dialogs.forEach((dialog) => dialog.close()));
  }

  ngOnInit(): void {
    this.meStore.ensureLoaded();
    this.load();
    const returned = this.connected() ?? this.failed();
    const reveal = this.reveal();
    const share = this.share();
    if (returned) {
      this.openAddConnection({ connectionId: returned, failed: !this.connected() });
    } else if (reveal) {
      this.clearQuery();
      if (isPendingReveal(this.stepUp.take(PENDING_REVEAL_KEY), reveal)) {
        this.revealValues(reveal, false);
      }
    } else if (share) {
      this.clearQuery();
      const pending = pendingShareOf(this.stepUp.take(PENDING_SHARE_KEY), share);
      if (pending) {
        this.openShareAfterStepUp(share, pending);
      }
    }
  }

  protected addConnection(): void {
    this.openAddConnection(null);
  }

  protected onReveal(connection: Connection): void {
    this.revealValues(connection.id, true);
  }

  protected onShare(connection: Connection): void {
    this.openDialog<ShareDialog, ShareDialogData>(ShareDialog, { connection });
  }

  protected onRotate(connection: Connection): void {
    this.run(connection, 'rotate', (updated) => {
      this.status.set(`Rotation of “${updated.label}” started`);
    });
  }

  protected onRevoke(connection: Connection): void {
    const ref = this.openDialog<RevokeDialog, RevokeDialogData, boolean>(RevokeDialog, {
      label: connection.label,
      brokerName: connection.brokerName,
    });
    ref
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (confirmed) {
          this.run(connection, 'revoke', (updated) => {
            if (this.reveals.forConnection(updated.id)) {
              this.reveals.hide();
            }
            this.status.set(`“${updated.label}” revoked`);
          });
        }
      });
  }

  protected onReconnect(connection: Connection): void {
    this.run(connection, 'reconnect', (updated) => {
      if (updated.authorizationUrl) {
        this.status.set(`Opening the ${updated.brokerName} login…`);
        this.navigation.assign(updated.authorizationUrl);
      } else {
        this.actionError.set({
          message: 'The workspace did not send a broker login address.',
          guide: null,
        });
      }
    });
  }

  private load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .list()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (connections) => {
          this.connections.set(connections);
          connections.forEach((connection) => this.watch(connection));
        },
        error: (error: unknown) => this.loadError.set(problemMessage(error)),
      });
  }

  /** Runs an action that answers the updated connection. */
  private run(
    connection: Connection,
    action: 'rotate' | 'revoke' | 'reconnect',
    done: (updated: Connection) => void,
  ): void {
    this.busyId.set(connection.id);
    this.actionError.set(null);
    this.api[action](connection.id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.watch(updated);
          done(updated);
        },
        error: (error: unknown) => this.showActionError(error),
      });
  }

  /**
   * Reveals the values. When the engine wants a fresher MFA login, remember the reveal and step up
   * (once: after the login the page reveals again without stepping up).
   */
  private revealValues(id: string, allowStepUp: boolean): void {
    this.busyId.set(id);
    this.actionError.set(null);
    this.api
      .reveal(id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (secret) => {
          this.reveals.show(id, secret);
          this.survey()?.offer('reveal');
          const label = this.connections().find((c) => c.id === id)?.label ?? 'the connection';
          this.status.set(
            `Values of “${label}” revealed: they are hidden again after ${secret.shownForSeconds} seconds`,
          );
        },
        error: (error: unknown) => {
          if (
            allowStepUp &&
            this.stepUp.startIfRequired(error, PENDING_REVEAL_KEY, id, revealReturnPath(id))
          ) {
            this.status.set('Sign in again with your one-time code to reveal the values.');
            return;
          }
          this.showActionError(error);
        },
      });
  }

  /** Back from the step-up login for a share: the connection is needed for the dialog. */
  private openShareAfterStepUp(id: string, pending: ShareRequest): void {
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (connection) =>
          this.openDialog<ShareDialog, ShareDialogData>(ShareDialog, { connection, pending }),
        error: (error: unknown) => this.showActionError(error),
      });
  }

  private openAddConnection(returned: AddConnectionDialogData['returned']): void {
    const ref = this.openDialog<AddConnectionDialog, AddConnectionDialogData>(
      AddConnectionDialog,
      { returned },
      { width: '640px' },
    );
    ref
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        if (returned) {
          this.clearQuery();
        }
        // A connection may have been added (or its state changed) meanwhile.
        this.load();
      });
  }

  private openDialog<C, D, R = unknown>(
    component: ComponentType<C>,
    data: D,
    config: { width?: string } = {},
  ): MatDialogRef<C, R> {
    const ref = this.dialog.open<C, D, R>(component, {
      data,
      width: config.width ?? '560px',
      maxWidth: '95vw',
    });
    this.dialogs.add(ref);
    ref.afterClosed().subscribe(() => this.dialogs.delete(ref));
    return ref;
  }

  /** Polls a connection every 2 s while the engine works on it (rotation, revocation, ...). */
  private watch(connection: Connection): void {
    if (connection.activity === null || this.polling.has(connection.id)) {
      return;
    }
    this.polling.add(connection.id);
    pollUntil(
      () => this.api.get(connection.id),
      (current) => current.activity === null,
    )
      .pipe(
        finalize(() => this.polling.delete(connection.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (current) => {
          this.replace(current);
          if (current.activity === null && current.state === 'ACTIVE') {
            this.offerSurveyAfter(connection.activity);
          }
        },
        error: (error: unknown) => this.showActionError(error),
      });
  }

  private offerSurveyAfter(activity: Connection['activity']): void {
    if (activity === 'rotation') {
      this.survey()?.offer('rotation');
    } else if (activity === 'onboarding') {
      this.survey()?.offer('onboarding');
    }
  }

  private replace(updated: Connection): void {
    this.connections.update((list) => list.map((c) => (c.id === updated.id ? updated : c)));
  }

  private showActionError(error: unknown): void {
    this.actionError.set({ message: problemMessage(error), guide: problemGuide(error) });
  }

  /** Drops the query parameters that brought the user back, so a reload does not repeat them. */
  private clearQuery(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { connected: null, failed: null, reveal: null, share: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
