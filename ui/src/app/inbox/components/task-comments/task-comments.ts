import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import { problemMessage } from '../../../core/http/problem';
import { MeStore } from '../../../core/me/me.store';
import { InboxApi } from '../../inbox-api';
import { TaskComment } from '../../inbox.models';

const MOST_CHARACTERS = 2000;

/**
 * The deciders' discussion of a task, also read by the partner it is about. Everyone here may add a
 * comment; only its author edits or deletes it.
 */
@Component({
  selector: 'app-task-comments',
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <section aria-labelledby="task-comments-title">
      <h3 id="task-comments-title">Comments</h3>
      @if (comments.error(); as error) {
        <p role="alert">The comments could not be loaded: {{ message(error) }}</p>
      } @else if (comments.isLoading() && !comments.hasValue()) {
        <p role="status">Loading the comments…</p>
      } @else {
        <ul class="comments" aria-label="Comments">
          @for (comment of comments.value() ?? []; track comment.id) {
            <li>
              <p class="meta">
                <strong>{{ comment.author }}</strong>
                <time [attr.datetime]="comment.createdAt">{{
                  comment.createdAt | date: 'short'
                }}</time>
                @if (comment.updatedAt) {
                  <span>(edited)</span>
                }
              </p>
              @if (editing() === comment.id) {
                <mat-form-field class="field">
                  <mat-label>Edit your comment</mat-label>
                  <textarea matInput rows="2" [formControl]="editText"></textarea>
                </mat-form-field>
                <button
                  mat-button
                  type="button"
                  [disabled]="editText.invalid || busy()"
                  (click)="saveEdit(comment)"
                >
                  Save comment
                </button>
                <button mat-button type="button" (click)="editing.set(null)">Cancel</button>
              } @else {
                <p class="text">{{ comment.text }}</p>
                @if (isMine(comment)) {
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'Edit comment of ' + (comment.createdAt | date: 'short')"
                    (click)="startEdit(comment)"
                  >
                    Edit
                  </button>
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'Delete comment of ' + (comment.createdAt | date: 'short')"
                    [disabled]="busy()"
                    (click)="remove(comment)"
                  >
                    Delete
                  </button>
                }
              }
            </li>
          } @empty {
            <li>No comments yet.</li>
          }
        </ul>
      }
      <mat-form-field class="field">
        <mat-label>Add a comment</mat-label>
        <textarea matInput rows="2" [formControl]="newText"></textarea>
        <mat-hint>Read by this task's deciders and the partner it is about</mat-hint>
      </mat-form-field>
      @if (failure(); as text) {
        <p class="error" role="alert">{{ text }}</p>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="newText.invalid || busy()"
        (click)="add()"
      >
        Post comment
      </button>
    </section>
  `,
  styles: `
    .comments {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .meta {
      margin: 8px 0 0;
      display: flex;
      gap: 8px;
      font-size: 0.8125rem;
    }
    .text {
      margin: 2px 0;
      white-space: pre-wrap;
    }
    .field {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskCommentsPanel {
  readonly taskId = input.required<string>();
  private readonly api = inject(InboxApi);
  private readonly me = inject(MeStore);

  protected readonly comments = rxResource({
    params: () => this.taskId(),
    stream: ({ params }) => this.api.comments(params),
  });
  protected readonly newText = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.pattern(/\S/),
      Validators.maxLength(MOST_CHARACTERS),
    ],
  });
  protected readonly editText = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.pattern(/\S/),
      Validators.maxLength(MOST_CHARACTERS),
    ],
  });
  protected readonly editing = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  private readonly username = computed(() => this.me.me()?.username ?? null);

  constructor() {
    this.me.ensureLoaded();
  }

  protected isMine(comment: TaskComment): boolean {
    return comment.author === this.username();
  }

  protected add(): void {
    this.run(this.api.addComment(this.taskId(), this.newText.value.trim()), () =>
      this.newText.reset(),
    );
  }

  protected startEdit(comment: TaskComment): void {
    this.editText.setValue(comment.text);
    this.editing.set(comment.id);
  }

  protected saveEdit(comment: TaskComment): void {
    this.run(this.api.editComment(this.taskId(), comment.id, this.editText.value.trim()), () =>
      this.editing.set(null),
    );
  }

  protected remove(comment: TaskComment): void {
    this.run(this.api.deleteComment(this.taskId(), comment.id), () => undefined);
  }

  protected message(error: unknown): string {
    return problemMessage(error);
  }

  private run(call: Observable<unknown>, done: () => void): void {
    this.busy.set(true);
    this.failure.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        done();
        this.comments.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(problemMessage(error));
      },
    });
  }
}
