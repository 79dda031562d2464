import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { finalize } from 'rxjs';
import { hasProblemType, problemMessage } from '../../core/http/problem';
import { SecretFields } from '../components/secret-fields/secret-fields';
import { CredentialsApi } from '../credentials-api';
import { OpenedShare, PROBLEMS, ShareCodeSent } from '../credentials.models';
import { problemAttemptsLeft } from '../problems';

export const SHARE_LINK_GONE = 'This link was already opened or has expired.';

/** The message for a wrong one-time code. */
export function wrongCodeMessage(attemptsLeft: number | null): string {
  if (attemptsLeft === null) {
    return 'The code is not correct.';
  }
  if (attemptsLeft <= 0) {
    return 'The code is not correct. No attempts are left.';
  }
  return `The code is not correct. ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`;
}

/**
 * Public page of a share link (`/share/<id>`), shown without login and outside the shell:
 * the recipient asks for a one-time code by email and opens the shared values with it, once.
 * The id is opaque: it opens nothing without the code.
 */
@Component({
  selector: 'app-shared-credential-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    SecretFields,
  ],
  templateUrl: './shared-credential-page.html',
  styleUrl: './shared-credential-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SharedCredentialPage {
  private readonly api = inject(CredentialsApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The link's opaque id (route parameter). */
  readonly id = input.required<string>();

  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
  protected readonly codeSent = signal<ShareCodeSent | null>(null);
  protected readonly sending = signal(false);
  protected readonly opening = signal(false);
  protected readonly opened = signal<OpenedShare | null>(null);
  /** The link was opened before or has expired (410). */
  protected readonly gone = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly goneMessage = SHARE_LINK_GONE;

  protected sendCode(): void {
    this.error.set(null);
    this.sending.set(true);
    this.api
      .requestShareCode(this.id())
      .pipe(
        finalize(() => this.sending.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (sent) => this.codeSent.set(sent),
        error: (error: unknown) => this.fail(error),
      });
  }

  protected open(): void {
    this.error.set(null);
    const code = this.form.controls.code.value.replace(/\s+/g, '');
    if (!code) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.opening()) {
      return;
    }
    this.opening.set(true);
    this.api
      .openShare(this.id(), code)
      .pipe(
        finalize(() => this.opening.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (share) => {
          this.form.reset();
          this.opened.set(share);
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    if (
      hasProblemType(error, PROBLEMS.linkUsedOrExpired) ||
      (error instanceof HttpErrorResponse && error.status === 410)
    ) {
      this.gone.set(true);
    } else if (hasProblemType(error, PROBLEMS.invalidShareCode)) {
      this.error.set(wrongCodeMessage(problemAttemptsLeft(error)));
    } else {
      this.error.set(problemMessage(error));
    }
  }
}
