import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { BulkResult, Task } from '../../inbox.models';

/** A decision for every selected task: claim, unclaim, reassign, or approve/reject with one comment. */
export type BulkAction =
  | { readonly action: 'claim' | 'unclaim' }
  | { readonly action: 'reassign'; readonly assignee: string }
  | { readonly action: 'complete'; readonly approved: boolean; readonly comment: string };

/** Acts on the selected tasks at once; then lists what each task came to (done, or why not). */
@Component({
  selector: 'app-bulk-bar',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @if (selected().length > 0) {
      <section class="bulk" aria-label="Act on the selected tasks">
        <strong>{{ selected().length }} selected</strong>
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          (click)="act.emit({ action: 'claim' })"
        >
          Claim selected
        </button>
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          (click)="act.emit({ action: 'unclaim' })"
        >
          Unclaim selected
        </button>
        <mat-form-field class="assignee" subscriptSizing="dynamic">
          <mat-label>Reassign to (username)</mat-label>
          <input matInput [formControl]="assignee" maxlength="100" autocomplete="off" />
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy() || !assignee.value.trim()"
          (click)="reassign()"
        >
          Reassign selected
        </button>
        <mat-form-field class="comment" subscriptSizing="dynamic">
          <mat-label>Comment for all</mat-label>
          <input
            #commentInput
            matInput
            [formControl]="comment"
            maxlength="2000"
            autocomplete="off"
          />
        </mat-form-field>
        <button mat-flat-button type="button" [disabled]="busy()" (click)="decide(true)">
          Approve selected
        </button>
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="decide(false)">
          Reject selected
        </button>
      </section>
    }
    @if (results().length > 0) {
      <section class="results" aria-label="Results of the last bulk action">
        <h2>Results</h2>
        <ul>
          @for (result of results(); track result.taskId) {
            <li [class.refused]="result.outcome !== 'done'">
              {{ nameOf(result.taskId) }}:
              @if (result.outcome === 'done') {
                done
              } @else {
                refused — {{ result.detail ?? result.outcome }}
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .bulk {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .assignee {
      width: 180px;
    }
    .comment {
      min-width: 220px;
      flex: 1 1 220px;
    }
    .results h2 {
      font: var(--mat-sys-title-small);
      margin: 8px 0 4px;
    }
    .results ul {
      margin: 0 0 12px;
      padding-left: 20px;
    }
    .refused {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkBar {
  readonly selected = input.required<readonly Task[]>();
  readonly results = input<readonly BulkResult[]>([]);
  /** Tasks by id, to name each result (a task done meanwhile is no longer listed). */
  readonly known = input<ReadonlyMap<string, Task>>(new Map());
  readonly busy = input(false);
  readonly act = output<BulkAction>();

  protected readonly comment = new FormControl('', { nonNullable: true });
  /** Someone who is a candidate of each task; the server refuses the others, task by task. */
  protected readonly assignee = new FormControl('', { nonNullable: true });
  private readonly commentInput = viewChild<ElementRef<HTMLInputElement>>('commentInput');

  /** Approve or reject with the one comment (the server asks for it when rejecting). */
  decide(approved: boolean): void {
    this.act.emit({ action: 'complete', approved, comment: this.comment.value.trim() });
  }

  reassign(): void {
    const assignee = this.assignee.value.trim();
    if (assignee) {
      this.act.emit({ action: 'reassign', assignee });
    }
  }

  hasComment(): boolean {
    return this.comment.value.trim().length > 0;
  }

  focusComment(): void {
    this.commentInput()?.nativeElement.focus();
  }

  protected nameOf(taskId: string): string {
    const task = this.known().get(taskId);
    return task ? `${task.name} (${task.summary})` : taskId;
  }
}
