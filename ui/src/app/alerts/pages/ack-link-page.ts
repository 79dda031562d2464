import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { finalize } from 'rxjs';
import { hasProblemType, problemMessage, problemOf } from '../../core/http/problem';
import { AlertsApi } from '../alerts-api';
import {
  ALERT_PROBLEMS,
  ALERT_STATE_LABELS,
  AlertLink,
  AlertLinkAcknowledgement,
  SEVERITY_LABELS,
  levelLabel,
} from '../alerts.models';

export const ALERT_LINK_GONE = 'This link was already used or has expired.';
export const ALERT_LINK_INVALID = 'This link is not valid.';
export const ALERT_ALREADY_CLOSED = 'Already closed';

/** `This alert was acknowledged by arjun already.` for a link whose alert is no longer open. */
function closedDetail(link: AlertLink): string {
  const state = (ALERT_STATE_LABELS[link.state] ?? link.state).toLowerCase();
  const by =
    link.state === 'ACKNOWLEDGED' && link.acknowledgedBy ? ` by ${link.acknowledgedBy}` : '';
  return `This alert was ${state}${by} already.`;
}

/** Why the page cannot offer the acknowledgement. */
interface Refusal {
  readonly kind: 'gone' | 'invalid' | 'closed';
  /** The engine's problem detail, or what the page knows, e.g. `This alert was resolved.` */
  readonly detail: string | null;
}

/**
 * Public page of an alert message's acknowledgement link (`/ack/<token>`), shown without login
 * and outside the shell: what the alert is about, an optional reason, and "Acknowledge alert",
 * once. A used or expired link (410), an altered one (400) and an alert someone else closed
 * meanwhile (409) are each explained.
 */
@Component({
  selector: 'app-ack-link-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  templateUrl: './ack-link-page.html',
  styleUrl: './ack-link-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AckLinkPage implements OnInit {
  private readonly api = inject(AlertsApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The link's token (route parameter). */
  readonly token = input.required<string>();

  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true }),
  });
  protected readonly loading = signal(true);
  protected readonly link = signal<AlertLink | null>(null);
  /** A failure to load the link that is worth another try (network, 5xx). */
  protected readonly loadError = signal<string | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly acknowledging = signal(false);
  protected readonly acknowledged = signal<AlertLinkAcknowledgement | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly goneMessage = ALERT_LINK_GONE;
  protected readonly invalidMessage = ALERT_LINK_INVALID;
  protected readonly closedMessage = ALERT_ALREADY_CLOSED;
  protected readonly severityLabel = computed(() => {
    const severity = this.link()?.severity;
    return severity ? (SEVERITY_LABELS[severity] ?? severity) : '';
  });
  protected readonly stateLabel = computed(() => {
    const state = this.acknowledged()?.state ?? this.link()?.state;
    return state ? (ALERT_STATE_LABELS[state] ?? state) : '';
  });
  protected readonly levelLabel = computed(() => levelLabel(this.link()?.level ?? 1));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .openLink(this.token())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (link) => {
          this.link.set(link);
          if (link.state !== 'OPEN') {
            this.refusal.set({ kind: 'closed', detail: closedDetail(link) });
          }
        },
        error: (error: unknown) => {
          if (!this.refuse(error)) {
            this.loadError.set(problemMessage(error));
          }
        },
      });
  }

  protected acknowledge(): void {
    if (this.acknowledging() || this.refusal() || this.acknowledged()) {
      return;
    }
    this.error.set(null);
    this.acknowledging.set(true);
    this.api
      .acknowledgeLink(this.token(), this.form.controls.reason.value)
      .pipe(
        finalize(() => this.acknowledging.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (answer) => this.acknowledged.set(answer),
        error: (error: unknown) => {
          if (!this.refuse(error)) {
            this.error.set(problemMessage(error));
          }
        },
      });
  }

  /** Shows a used, expired, altered or closed link; false for any other failure. */
  private refuse(error: unknown): boolean {
    const detail = problemOf(error)?.detail ?? null;
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (
      hasProblemType(error, ALERT_PROBLEMS.alertLinkUsed) ||
      hasProblemType(error, ALERT_PROBLEMS.alertLinkExpired) ||
      status === 410
    ) {
      this.refusal.set({ kind: 'gone', detail });
    } else if (hasProblemType(error, ALERT_PROBLEMS.alertLinkInvalid) || status === 400) {
      this.refusal.set({ kind: 'invalid', detail });
    } else if (hasProblemType(error, ALERT_PROBLEMS.alertClosed) || status === 409) {
      this.refusal.set({ kind: 'closed', detail });
    } else {
      return false;
    }
    return true;
  }
}
