import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { problemMessage } from '../../core/http/problem';
import { SurveyApi, SurveyPrompt, SurveyTrigger } from './survey-api';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The one-question survey, inline where the act happened (never a modal in the way): shown after
 * {@link offer} when the server says this person has not been asked this week; answered or dismissed
 * with "Not now".
 */
@Component({
  selector: 'app-survey-card',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
  ],
  template: `
    @if (prompt(); as p) {
      <section class="survey" aria-labelledby="survey-question">
        @if (thanked()) {
          <p role="status">Thank you for telling us.</p>
        } @else {
          <p id="survey-question" class="question">{{ p.question }}</p>
          <mat-radio-group [formControl]="score" aria-labelledby="survey-question" class="scores">
            @for (value of scores; track value) {
              <mat-radio-button [value]="value">{{ value }}</mat-radio-button>
            }
          </mat-radio-group>
          <mat-form-field class="comment">
            <mat-label>Anything to add? (optional)</mat-label>
            <textarea matInput rows="2" [formControl]="comment"></textarea>
          </mat-form-field>
          @if (failure(); as text) {
            <p class="error" role="alert">{{ text }}</p>
          }
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              [disabled]="score.invalid || busy()"
              (click)="send(p.trigger)"
            >
              Send answer
            </button>
            <button mat-button type="button" [disabled]="busy()" (click)="notNow(p.trigger)">
              Not now
            </button>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .survey {
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 12px;
      padding: 12px 16px;
      margin: 12px 0;
      max-width: 560px;
    }
    .question {
      margin: 0 0 4px;
      font-weight: 500;
    }
    .scores {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .comment {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyCard {
  private readonly api = inject(SurveyApi);

  protected readonly scores = SCORES;
  protected readonly prompt = signal<SurveyPrompt | null>(null);
  protected readonly thanked = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly score = new FormControl<number | null>(null, Validators.required);
  protected readonly comment = new FormControl('', {
    nonNullable: true,
    validators: Validators.maxLength(2000),
  });

  /** After an act: asks the server whether to show the question, and shows it if so. */
  offer(trigger: SurveyTrigger): void {
    if (this.prompt()) {
      return;
    }
    this.api.prompt(trigger).subscribe({
      next: (prompt) => this.prompt.set(prompt.ask ? prompt : null),
      error: () => undefined, // the survey is never worth an error message
    });
  }

  protected send(trigger: SurveyTrigger): void {
    this.busy.set(true);
    this.api.answer(trigger, this.score.value ?? 0, this.comment.value).subscribe({
      next: () => {
        this.busy.set(false);
        this.thanked.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(problemMessage(error));
      },
    });
  }

  protected notNow(trigger: SurveyTrigger): void {
    this.busy.set(true);
    this.api.dismiss(trigger).subscribe({
      next: () => this.close(),
      error: () => this.close(),
    });
  }

  private close(): void {
    this.busy.set(false);
    this.prompt.set(null);
  }
}
