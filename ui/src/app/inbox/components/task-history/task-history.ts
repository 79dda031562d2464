import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { problemMessage } from '../../../core/http/problem';
import { InboxApi } from '../../inbox-api';

/** What happened to the task's process so far, oldest first: steps and who took the task. */
@Component({
  selector: 'app-task-history',
  imports: [DatePipe],
  template: `
    <section aria-labelledby="task-history-title">
      <h3 id="task-history-title">History</h3>
      @if (history.error(); as error) {
        <p role="alert">The history could not be loaded: {{ message(error) }}</p>
      } @else if (history.isLoading()) {
        <p role="status">Loading the history…</p>
      } @else {
        <ol class="history" aria-label="Task history">
          @for (entry of history.value() ?? []; track $index) {
            <li>
              <time [attr.datetime]="entry.at">{{ entry.at | date: 'short' }}</time>
              <span>{{ entry.who ? entry.who + ' · ' : '' }}{{ entry.what }}</span>
            </li>
          } @empty {
            <li>Nothing has happened yet.</li>
          }
        </ol>
      }
    </section>
  `,
  styles: `
    .history {
      margin: 0;
      padding-left: 1.25rem;
      font-size: 0.875rem;
    }
    .history time {
      margin-right: 8px;
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskHistoryPanel {
  readonly taskId = input.required<string>();
  private readonly api = inject(InboxApi);

  protected readonly history = rxResource({
    params: () => this.taskId(),
    stream: ({ params }) => this.api.history(params),
  });

  protected message(error: unknown): string {
    return problemMessage(error);
  }
}
