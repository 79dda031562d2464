import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemMessage } from '../../../core/http/problem';
import { BrowserNavigation } from '../../browser-navigation';
import { CredentialsApi } from '../../credentials-api';
import { Broker, Connection } from '../../credentials.models';
import { ConnectionKeysForm } from '../connection-keys-form/connection-keys-form';
import { ConnectionVerification } from '../connection-verification/connection-verification';

export interface AddConnectionDialogData {
  /** Set when the broker sent the browser back (`?connected=<id>` or `?failed=<id>`). */
  readonly returned?: { readonly connectionId: string; readonly failed: boolean } | null;
}

/** The steps of connecting a broker, as the process runs them. */
export const CONNECTION_STEPS = ['Keys', 'Broker login', 'Verified'] as const;

const KEYS = 0;
const BROKER_LOGIN = 1;
const VERIFIED = 2;

/**
 * "Add connection": keys → broker login (the browser leaves for the broker) → verified (when the
 * broker sent the browser back and the page opened this dialog again at the last step).
 */
@Component({
  selector: 'app-add-connection-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatProgressBarModule,
    ConnectionKeysForm,
    ConnectionVerification,
  ],
  templateUrl: './add-connection-dialog.html',
  styleUrl: './add-connection-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddConnectionDialog implements OnInit {
  private readonly api = inject(CredentialsApi);
  private readonly navigation = inject(BrowserNavigation);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly returned = inject<AddConnectionDialogData>(MAT_DIALOG_DATA)?.returned ?? null;

  protected readonly steps = CONNECTION_STEPS;
  protected readonly step = signal(this.returned ? VERIFIED : KEYS);
  protected readonly brokers = signal<readonly Broker[]>([]);
  protected readonly brokersError = signal<string | null>(null);
  protected readonly created = signal<Connection | null>(null);
  protected readonly title = this.returned ? 'Broker connection' : 'Add connection';

  ngOnInit(): void {
    if (this.returned) {
      return;
    }
    this.api
      .brokers()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (brokers) => this.brokers.set(brokers),
        error: (error: unknown) =>
          this.brokersError.set(`Could not load the brokers: ${problemMessage(error)}`),
      });
  }

  protected onCreated(connection: Connection): void {
    this.created.set(connection);
    this.step.set(BROKER_LOGIN);
    if (connection.authorizationUrl) {
      this.navigation.assign(connection.authorizationUrl);
    }
  }
}
