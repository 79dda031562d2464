import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { problemFieldErrors, problemMessage } from '../../../core/http/problem';
import { MeStore } from '../../../core/me/me.store';
import { OnboardingData } from '../../api/widgets/onboarding';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** onboarding: the new partner's checklist, ticked from real state. */
@Component({
  selector: 'app-onboarding-widget',
  imports: [
    WidgetCard,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  template: `
    <app-widget-card
      title="Getting started"
      [state]="poll.state()"
      [empty]="(data()?.steps?.length ?? 0) === 0"
      emptyText="No steps to show."
      (retry)="poll.refresh()"
    >
      @if (data(); as d) {
        @if (d.complete) {
          <p role="status">All set: every step is done.</p>
        }
        <ul class="list" aria-label="Onboarding checklist">
          @for (s of d.steps; track s.id) {
            <li class="row">
              <mat-icon aria-hidden="true">{{
                s.done ? 'check_circle' : 'radio_button_unchecked'
              }}</mat-icon>
              <span class="grow">{{ s.title }} — {{ s.done ? 'done' : 'to do' }}</span>
              @if (!s.done) {
                @if (s.id === 'teammate' && partner()) {
                  <button mat-stroked-button type="button" (click)="inviting.set(!inviting())">
                    {{ s.title }}
                  </button>
                } @else {
                  <a mat-stroked-button [routerLink]="s.link">{{ s.title }}</a>
                }
              }
            </li>
          }
        </ul>
        @if (inviting()) {
          <form
            class="invite"
            aria-label="Invite a teammate"
            [formGroup]="invite"
            (ngSubmit)="sendInvitation()"
          >
            <mat-form-field>
              <mat-label>Teammate's name</mat-label>
              <input matInput formControlName="displayName" maxlength="200" autocomplete="off" />
              @if (fieldErrors()['displayName']; as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>Login name</mat-label>
              <input matInput formControlName="username" maxlength="32" autocomplete="off" />
              <mat-hint>lowercase letters, digits, . and -</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Teammate's email</mat-label>
              <input
                matInput
                type="email"
                formControlName="email"
                maxlength="254"
                autocomplete="off"
              />
            </mat-form-field>
            @if (inviteError(); as message) {
              <p role="alert" class="warn">{{ message }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="invite.invalid || sending()">
              Send invitation
            </button>
          </form>
        }
        @if (invited(); as note) {
          <p role="status">{{ note }}</p>
        }
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  styles: `
    .invite {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OnboardingWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api.widget<OnboardingData>('onboarding').pipe(map((response) => response.data)),
  );
  protected readonly data = computed(() => dataOf(this.poll.state()));
  private readonly me = inject(MeStore);
  protected readonly partner = this.me.partner;
  protected readonly inviting = signal(false);
  protected readonly sending = signal(false);
  protected readonly invited = signal<string | null>(null);
  protected readonly inviteError = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly invite = new FormGroup({
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
  });

  /** Keycloak emails the teammate a link to set a password and a one-time code; the step ticks. */
  protected sendInvitation(): void {
    const partner = this.partner();
    if (!partner || this.invite.invalid) {
      return;
    }
    this.sending.set(true);
    this.inviteError.set(null);
    this.api.inviteTeammate(partner, this.invite.getRawValue()).subscribe({
      next: (done) => {
        this.sending.set(false);
        this.inviting.set(false);
        this.invite.reset();
        this.invited.set(`Invitation sent to ${done.email}.`);
        this.poll.refresh();
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.fieldErrors.set(problemFieldErrors(error));
        this.inviteError.set(problemMessage(error));
      },
    });
  }
}
