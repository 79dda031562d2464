import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  WritableSignal,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Observable, finalize, take } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { placeProblem } from '../../../shared/forms/server-field-errors';
import { AlertsApi } from '../../alerts-api';
import { AlertSilence, AlertPreferencesUpdate, AlertPreferencesView } from '../../alerts.models';
import {
  DurationUnit,
  durationText,
  isoSeconds,
  relativeText,
} from '../../../shared/time/time-format';
import { injectNow } from '../../../shared/time/clock';
import { DurationPicker } from '../../../shared/forms/duration-picker/duration-picker';
import { ChannelTest } from '../channel-test/channel-test';

/** The visible label of each field, by its path in the engine's JSON (also in the error summary). */
export const PREFERENCE_LABELS: Readonly<Record<string, string>> = {
  channels: 'Channels',
  'channels.emails': 'Email addresses',
  'channels.slackWebhookUrl': 'Slack webhook URL',
  'channels.phones': 'Phone numbers',
  'channels.backupContact': 'Backup contact',
  thresholds: 'Thresholds',
  'thresholds.credentialWarningHours': 'Warn before credential expiry (hours)',
  'thresholds.credentialCriticalHours': 'Critical before credential expiry (hours)',
  'thresholds.loginFailures': 'Failed logins before an alert',
  'thresholds.loginFailureWindowMinutes': 'Failed-login window (minutes)',
  quietHours: 'Quiet hours',
  'quietHours.from': 'Quiet from',
  'quietHours.to': 'Quiet to',
  'quietHours.timeZone': 'Time zone',
  escalationDelays: 'Escalation delays',
  'escalationDelays.info': 'Info escalation delay',
  'escalationDelays.warning': 'Warning escalation delay',
  'escalationDelays.critical': 'Critical escalation delay',
  mutes: 'Silences',
};

/** Labels of a silence's fields (each silence is a group named "Silence <n>"). */
export const SILENCE_LABELS: Readonly<Record<string, string>> = {
  alertType: 'Alert type',
  resource: 'Resource',
  reason: 'Reason',
  duration: 'Silence for',
};

/** Messages for empty required fields, by the field's own name. */
const REQUIRED_MESSAGES: Readonly<Record<string, string>> = {
  credentialWarningHours: 'Enter a number of hours',
  credentialCriticalHours: 'Enter a number of hours',
  loginFailures: 'Enter a number of failed logins',
  loginFailureWindowMinutes: 'Enter a number of minutes',
  from: 'Enter a time such as 22:00',
  to: 'Enter a time such as 07:00',
  timeZone: 'Enter a time zone such as Asia/Kolkata',
  info: 'Enter a duration',
  warning: 'Enter a duration',
  critical: 'Enter a duration',
  reason: 'Enter a reason',
  duration: 'Choose how long the silence lasts',
};

export const SILENCE_TARGET_MESSAGE = 'Enter an alert type, a resource or both';

/** Quiet hours offered when the partner had none. */
const DEFAULT_QUIET_FROM = '22:00';
const DEFAULT_QUIET_TO = '07:00';

/** Splits a list typed one per line or separated by commas (or semicolons); blanks are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Phone numbers as typed, with the spaces people put into them removed (`+91 98000 00001`). */
export function splitPhones(text: string): string[] {
  return splitList(text).map((phone) => phone.replace(/[\s()-]+/g, ''));
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The units a silence is picked in: the engine allows at most 30 days. */
export const SILENCE_UNITS: readonly DurationUnit[] = ['minutes', 'hours', 'days'];

/**
 * The end the API expects (an ISO-8601 instant, whole seconds) of a silence that lasts `duration`
 * (ISO-8601) from `now` (epoch millis); null while the duration is none.
 */
export function silenceEndFrom(now: number, duration: string): string | null {
  const seconds = isoSeconds(duration);
  return seconds ? new Date(now + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** A silence needs an alert type or a resource (or both). */
function typeOrResource(group: AbstractControl): ValidationErrors | null {
  const { alertType, resource } = group.value as { alertType?: string; resource?: string };
  return alertType?.trim() || resource?.trim() ? null : { typeOrResource: true };
}

/**
 * A silence in the form. One the engine already runs (it has an id) cannot be changed, only
 * lifted: its fields are shown disabled and sent back as they came.
 */
function silenceGroup(silence?: AlertSilence) {
  const group = new FormGroup(
    {
      id: new FormControl<string | null>(silence?.id ?? null),
      /** The end as the engine sent it: a running silence keeps it. */
      savedUntil: new FormControl<string | null>(silence?.until ?? null),
      alertType: new FormControl(silence?.alertType ?? '', { nonNullable: true }),
      resource: new FormControl(silence?.resource ?? '', { nonNullable: true }),
      reason: new FormControl(silence?.reason ?? '', {
        nonNullable: true,
        validators: Validators.required,
      }),
      /** How long a new silence lasts (ISO-8601, from the duration picker); it ends that long after saving. */
      duration: new FormControl('', {
        nonNullable: true,
        validators: Validators.required,
      }),
    },
    { validators: typeOrResource },
  );
  if (silence?.id) {
    group.disable();
  }
  return group;
}

type SilenceGroup = ReturnType<typeof silenceGroup>;

function required<T>(value: T) {
  return new FormControl<T>(value, { nonNullable: true, validators: Validators.required });
}

/** One line of the error summary. */
interface SummaryItem {
  readonly label: string;
  readonly message: string;
}

interface Summary {
  readonly message: string;
  readonly items: readonly SummaryItem[];
}

/**
 * The partner's alert preferences: where alerts go, when they are raised, quiet hours, how fast
 * they escalate and the silences in force, each field labelled. Saves them whole (`PUT`), goes
 * back to the defaults (`DELETE`), and shows the engine's field errors at their fields and in a
 * summary. Tests of the channels use the saved preferences.
 */
@Component({
  selector: 'app-alert-preferences-form',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    ChannelTest,
    DurationPicker,
  ],
  templateUrl: './alert-preferences-form.html',
  styleUrl: './alert-preferences-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertPreferencesForm {
  private readonly api = inject(AlertsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** The partner whose preferences ops look at; null for the user's own partner. */
  readonly partner = input<string | null>(null);

  protected readonly form = new FormGroup({
    channels: new FormGroup({
      emails: new FormControl('', { nonNullable: true }),
      slackWebhookUrl: new FormControl('', { nonNullable: true }),
      phones: new FormControl('', { nonNullable: true }),
      backupContact: new FormControl('', { nonNullable: true }),
    }),
    thresholds: new FormGroup({
      credentialWarningHours: required<number | null>(null),
      credentialCriticalHours: required<number | null>(null),
      loginFailures: required<number | null>(null),
      loginFailureWindowMinutes: required<number | null>(null),
    }),
    quietHoursOn: new FormControl(false, { nonNullable: true }),
    quietHours: new FormGroup({
      from: required(DEFAULT_QUIET_FROM),
      to: required(DEFAULT_QUIET_TO),
      timeZone: required(browserTimeZone()),
    }),
    escalationDelays: new FormGroup({
      info: required(''),
      warning: required(''),
      critical: required(''),
    }),
    mutes: new FormArray<SilenceGroup>([]),
  });
  protected readonly mutes = this.form.controls.mutes;
  protected readonly silenceUnits = SILENCE_UNITS;
  /** Ticks so a running silence's countdown stays true while the page is open. */
  private readonly now = injectNow(30_000);

  /** The preferences as last answered by the engine; null until loaded. */
  protected readonly view = signal<AlertPreferencesView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly resetting = signal(false);
  protected readonly busy = computed(() => this.saving() || this.resetting());
  /** Outcome of the last save or reset, announced politely. */
  protected readonly status = signal('');
  protected readonly summary = signal<Summary | null>(null);
  /** The engine's messages by form path (`channels.emails`, `mutes.0.reason`, `mutes.0`). */
  protected readonly serverErrors = signal<Readonly<Record<string, string>>>({});
  protected readonly criticalSilenceLimit = computed(() => {
    const limit = this.view()?.policy?.criticalMuteLimit;
    return limit ? durationText(limit) : null;
  });

  /** The body of the last save, to name the entries of list fields in the engine's errors. */
  private lastSent: AlertPreferencesUpdate | null = null;
  private readonly addButton = viewChild('addButton', { read: ElementRef<HTMLButtonElement> });
  private readonly alertTypeInputs = viewChildren('alertTypeInput', {
    read: ElementRef<HTMLInputElement>,
  });

  constructor() {
    this.form.controls.quietHoursOn.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((on) => this.toggleQuietHours(on));
    this.toggleQuietHours(false);
    // Loads the preferences, again whenever ops choose another partner.
    effect(() => {
      this.partner();
      untracked(() => {
        this.view.set(null);
        this.load();
      });
    });
  }

  protected load(): void {
    this.loadError.set(null);
    const partner = this.partner();
    (partner ? this.api.preferences(partner) : this.api.preferences())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => this.fill(view),
        error: (error: unknown) => this.loadError.set(problemMessage(error)),
      });
  }

  protected addSilence(): void {
    this.mutes.push(silenceGroup());
    this.mutes.markAsDirty();
    const index = this.mutes.length - 1;
    afterNextRender(() => this.alertTypeInputs()[index]?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  protected removeSilence(index: number): void {
    // The later silences move up: the engine's messages about silences no longer fit.
    this.dropServerErrors('mutes');
    this.mutes.removeAt(index);
    this.mutes.markAsDirty();
    afterNextRender(() => this.addButton()?.nativeElement.focus(), { injector: this.injector });
  }

  /**
   * When a silence ends, in words: a running one counts down to its end (`in 3 hours 10 minutes`),
   * a new one says how long it will last (`8 hours`); null while no duration is chosen.
   */
  protected silenceEnd(silence: SilenceGroup): string | null {
    if (silence.disabled) {
      return relativeText(silence.controls.savedUntil.value, this.now());
    }
    const seconds = isoSeconds(silence.controls.duration.value);
    return seconds ? `${durationText(silence.controls.duration.value)} after saving` : null;
  }

  /** The message under a field: the engine's, or why the value is missing. */
  protected fieldError(path: string): string {
    const server = this.serverErrors()[path];
    if (server) {
      return server;
    }
    const control = this.form.get(path);
    if (control?.hasError('required')) {
      return REQUIRED_MESSAGES[path.split('.').pop()!] ?? 'Enter a value';
    }
    return '';
  }

  /** The message of a whole silence (or the quiet hours), once the user has been there. */
  protected groupError(path: string): string | null {
    const server = this.serverErrors()[path];
    if (server) {
      return server;
    }
    const control = this.form.get(path);
    return control?.touched && control.hasError('typeOrResource') ? SILENCE_TARGET_MESSAGE : null;
  }

  protected save(): void {
    this.status.set('');
    this.summary.set(null);
    if (this.busy()) {
      return;
    }
    this.dropServerErrors();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.summary.set({
        message: 'The preferences were not saved: some fields need attention.',
        items: this.clientErrors(),
      });
      return;
    }
    const body = this.body();
    this.lastSent = body;
    const partner = this.partner();
    const saved = partner
      ? this.api.savePreferences(body, partner)
      : this.api.savePreferences(body);
    this.run(saved, this.saving, 'Preferences saved.');
  }

  protected useDefaults(): void {
    this.status.set('');
    this.summary.set(null);
    if (this.busy()) {
      return;
    }
    this.lastSent = null;
    const partner = this.partner();
    const reset = partner ? this.api.resetPreferences(partner) : this.api.resetPreferences();
    this.run(reset, this.resetting, 'Following the defaults again.');
  }

  private run(
    call: Observable<AlertPreferencesView>,
    running: WritableSignal<boolean>,
    done: string,
  ): void {
    running.set(true);
    call
      .pipe(
        finalize(() => running.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (view) => {
          this.fill(view);
          this.status.set(done);
        },
        error: (error: unknown) => this.showProblem(error),
      });
  }

  /**
   * Drops the engine's messages (under `prefix`) and their errors on the controls. Before each
   * save all of them go: a rule that spans fields (critical hours less than warning hours) may
   * have been met by changing the other field, and the engine checks everything again.
   */
  private dropServerErrors(prefix = ''): void {
    const dropped = Object.keys(this.serverErrors()).filter((path) => path.startsWith(prefix));
    for (const path of dropped) {
      this.form.get(path)?.updateValueAndValidity();
    }
    this.serverErrors.update((errors) =>
      Object.fromEntries(Object.entries(errors).filter(([path]) => !dropped.includes(path))),
    );
  }

  /** Puts the engine's view into the form; it is then unchanged (pristine). */
  private fill(view: AlertPreferencesView): void {
    this.view.set(view);
    this.serverErrors.set({});
    this.summary.set(null);
    const quiet = view.quietHours ?? null;
    this.form.reset({
      channels: {
        emails: view.channels.emails.join('\n'),
        slackWebhookUrl: view.channels.slackWebhookUrl ?? '',
        phones: view.channels.phones.join('\n'),
        backupContact: view.channels.backupContact ?? '',
      },
      thresholds: { ...view.thresholds },
      quietHoursOn: quiet !== null,
      quietHours: quiet ?? {
        from: DEFAULT_QUIET_FROM,
        to: DEFAULT_QUIET_TO,
        timeZone: browserTimeZone(),
      },
      escalationDelays: { ...view.escalationDelays },
    });
    this.mutes.clear();
    for (const silence of view.mutes ?? []) {
      this.mutes.push(silenceGroup(silence));
    }
    this.toggleQuietHours(quiet !== null);
    this.form.markAsPristine();
    this.form.markAsUntouched();
  }

  private toggleQuietHours(on: boolean): void {
    const group = this.form.controls.quietHours;
    if (on) {
      group.enable({ emitEvent: false });
      if (!group.controls.timeZone.value.trim()) {
        group.controls.timeZone.setValue(browserTimeZone());
      }
    } else {
      group.disable({ emitEvent: false });
    }
  }

  private body(): AlertPreferencesUpdate {
    const value = this.form.getRawValue();
    const thresholds = value.thresholds;
    return {
      channels: {
        emails: splitList(value.channels.emails),
        slackWebhookUrl: value.channels.slackWebhookUrl.trim(),
        phones: splitPhones(value.channels.phones),
        backupContact: value.channels.backupContact.trim(),
      },
      thresholds: {
        credentialWarningHours: thresholds.credentialWarningHours ?? 0,
        credentialCriticalHours: thresholds.credentialCriticalHours ?? 0,
        loginFailures: thresholds.loginFailures ?? 0,
        loginFailureWindowMinutes: thresholds.loginFailureWindowMinutes ?? 0,
      },
      quietHours: value.quietHoursOn
        ? {
            from: value.quietHours.from,
            to: value.quietHours.to,
            timeZone: value.quietHours.timeZone.trim(),
          }
        : null,
      escalationDelays: {
        info: value.escalationDelays.info,
        warning: value.escalationDelays.warning,
        critical: value.escalationDelays.critical,
      },
      mutes: value.mutes.map((silence) => {
        const running = silence.id !== null && silence.savedUntil !== null;
        return {
          ...(silence.id ? { id: silence.id } : {}),
          alertType: silence.alertType.trim() || null,
          resource: silence.resource.trim() || null,
          reason: silence.reason.trim(),
          until: running
            ? silence.savedUntil!
            : (silenceEndFrom(Date.now(), silence.duration) ?? ''),
        };
      }),
    };
  }

  /** Shows a failed save or reset: each field's message at the field and all in the summary. */
  private showProblem(error: unknown): void {
    const placed = placeProblem(
      this.form,
      error,
      (field) => this.controlPath(field),
      (field, message) => this.describe(field, message),
    );
    for (const path of Object.keys(placed.byControl)) {
      // A changed value is checked again by the engine on the next save.
      this.form
        .get(path)!
        .valueChanges.pipe(take(1), takeUntilDestroyed(this.destroyRef))
        .subscribe(() =>
          this.serverErrors.update((errors) => {
            const rest = { ...errors };
            delete rest[path];
            return rest;
          }),
        );
    }
    this.serverErrors.set(placed.byControl);
    const items: SummaryItem[] = [
      ...Object.entries(placed.byControl).map(([path, message]) => ({
        label: this.label(path),
        message,
      })),
      ...placed.unplaced.map(({ field, message }) => ({ label: field, message })),
    ];
    this.summary.set({ message: placed.message, items });
  }

  /**
   * The form path of an engine field (`channels.phones[1]` → `channels.phones`,
   * `mutes[0].reason` → `mutes.0.reason`): the deepest control the form has, or null.
   */
  private controlPath(field: string): string | null {
    // The API names a silence's end (`until`); the form picks how long it lasts.
    const parts = field
      .replace(/^(mutes\[\d+\])\.until$/, '$1.duration')
      .split(/\.|\[(\d+)\]/)
      .filter((part) => part !== undefined && part !== '');
    for (let length = parts.length; length > 0; length--) {
      const path = parts.slice(0, length).join('.');
      if (this.form.get(path)) {
        return path;
      }
    }
    return null;
  }

  /** An error of a list entry names the entry: `“12345” must be an E.164 number ...`. */
  private describe(field: string, message: string): string {
    const entry = /^channels\.(emails|phones)\[(\d+)\]$/.exec(field);
    const value = entry && this.lastSent?.channels[entry[1] as 'emails' | 'phones'][+entry[2]];
    return value ? `“${value}” ${message}` : message;
  }

  /** The visible label of a form path, e.g. `Silence 2, Reason`. */
  private label(path: string): string {
    const entry = /^mutes\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (entry) {
      const silence = `Silence ${+entry[1] + 1}`;
      return entry[2] ? `${silence}, ${SILENCE_LABELS[entry[2]] ?? entry[2]}` : silence;
    }
    return PREFERENCE_LABELS[path] ?? path;
  }

  /** The fields that stop a save before it is sent, for the summary. */
  private clientErrors(): SummaryItem[] {
    const items: SummaryItem[] = [];
    const visit = (control: AbstractControl, path: string) => {
      if (control.disabled) {
        return;
      }
      if (control.hasError('typeOrResource')) {
        items.push({ label: this.label(path), message: SILENCE_TARGET_MESSAGE });
      }
      if (control instanceof FormGroup || control instanceof FormArray) {
        for (const [name, child] of Object.entries(control.controls)) {
          visit(child as AbstractControl, path ? `${path}.${name}` : name);
        }
      } else if (control.invalid) {
        items.push({ label: this.label(path), message: this.fieldError(path) });
      }
    };
    visit(this.form, '');
    return items;
  }
}
