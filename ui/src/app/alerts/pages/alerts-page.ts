import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { EMPTY, Observable, catchError, exhaustMap, finalize, interval, tap } from 'rxjs';
import { hasProblemType, problemMessage } from '../../core/http/problem';
import { MeStore } from '../../core/me/me.store';
import { AlertsApi } from '../alerts-api';
import { ALERT_PROBLEMS, Alert } from '../alerts.models';
import { AcknowledgeEvent, AlertCard } from '../components/alert-card/alert-card';
import { AlertPreferencesForm } from '../components/alert-preferences-form/alert-preferences-form';
import { TestAlertForm } from '../components/test-alert-form/test-alert-form';

/** How often the page asks for the alerts while it is open. */
export const ALERTS_POLL_MS = 10_000;

interface Section {
  readonly key: 'open' | 'recent';
  readonly title: string;
  readonly empty: string;
  readonly items: readonly Alert[];
}

/**
 * Alerts of the user's partners (all of them for ops): the open ones to acknowledge or resolve,
 * and the recent ones with who closed them, then the user's alert preferences. Polls every 10 s
 * while open; ops can raise a test alert to check the channels.
 */
@Component({
  selector: 'app-alerts-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    AlertCard,
    AlertPreferencesForm,
    TestAlertForm,
  ],
  templateUrl: './alerts-page.html',
  styleUrl: './alerts-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertsPage implements OnInit {
  private readonly api = inject(AlertsApi);
  private readonly meStore = inject(MeStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly isOps = this.meStore.isOps;
  /** Partners set their own preferences; ops choose a partner first; approvers have none. */
  protected readonly isPartner = computed(() => this.meStore.roles().includes('partner'));
  protected readonly partnerChoice = new FormGroup({
    partner: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
  /** The partner whose preferences ops look at, once chosen. */
  protected readonly preferencesPartner = signal<string | null>(null);
  /** All alerts, newest first, as last answered by the engine or by an action. */
  protected readonly alerts = signal<readonly Alert[]>([]);
  /** False until the first list arrived (the sections wait for it). */
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** Outcome of the last action, announced politely. */
  protected readonly status = signal('');
  protected readonly actionError = signal<string | null>(null);
  /** The alert an action is running on. */
  protected readonly busyId = signal<string | null>(null);

  protected readonly sections = computed<readonly Section[]>(() => {
    const alerts = this.alerts();
    return [
      {
        key: 'open',
        title: 'Open alerts',
        empty: 'No open alerts.',
        items: alerts.filter((alert) => alert.state === 'OPEN'),
      },
      {
        key: 'recent',
        title: 'Recent alerts',
        empty: 'No recent alerts.',
        items: alerts.filter((alert) => alert.state !== 'OPEN'),
      },
    ];
  });

  /**
   * Counts the answers of actions. A list requested before the latest action answered may predate
   * it, so it is dropped (the next poll brings the news).
   */
  private changes = 0;

  ngOnInit(): void {
    this.meStore.ensureLoaded();
    this.refresh();
    interval(ALERTS_POLL_MS)
      .pipe(
        exhaustMap(() => this.fetch()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe();
  }

  protected showPreferencesOf(): void {
    const partner = this.partnerChoice.controls.partner.value.trim();
    if (!partner) {
      this.partnerChoice.markAllAsTouched();
      return;
    }
    this.preferencesPartner.set(partner);
  }

  protected onAcknowledge({ alert, reason }: AcknowledgeEvent): void {
    this.run(alert, this.api.acknowledge(alert.id, reason), 'acknowledged');
  }

  protected onResolve(alert: Alert): void {
    this.run(alert, this.api.resolve(alert.id), 'resolved');
  }

  protected onRaised(alert: Alert): void {
    this.changes++;
    this.alerts.update((alerts) => [alert, ...alerts.filter((a) => a.id !== alert.id)]);
    this.actionError.set(null);
    this.status.set(`Test alert raised: ${alert.summary}`);
  }

  private run(alert: Alert, call: Observable<Alert>, done: 'acknowledged' | 'resolved'): void {
    this.busyId.set(alert.id);
    this.actionError.set(null);
    call
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.status.set(`Alert ${done}: ${updated.summary}`);
        },
        error: (error: unknown) => {
          this.actionError.set(problemMessage(error));
          if (hasProblemType(error, ALERT_PROBLEMS.alertClosed)) {
            // Someone else closed it meanwhile: show how it stands now.
            this.changes++;
            this.refresh();
          }
        },
      });
  }

  private refresh(): void {
    this.fetch().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  /** Lists the alerts; a failure shows its problem and keeps the last list. */
  private fetch(): Observable<unknown> {
    const changes = this.changes;
    return this.api.list().pipe(
      tap((alerts) => {
        if (changes === this.changes) {
          this.alerts.set(alerts);
        }
        this.loaded.set(true);
        this.loadError.set(null);
      }),
      catchError((error: unknown) => {
        this.loadError.set(problemMessage(error));
        return EMPTY;
      }),
    );
  }

  private replace(updated: Alert): void {
    this.changes++;
    this.alerts.update((alerts) => alerts.map((a) => (a.id === updated.id ? updated : a)));
  }
}
