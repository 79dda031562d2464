import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { OnboardingData } from '../../api/widgets/onboarding';
import { WidgetSettings } from '../../api/workspace.models';
import { WorkspaceApi } from '../../api/workspace-api';
import { WidgetCard } from '../widget-card/widget-card';
import { dataOf, pollWidget } from '../widget-poll';

/** onboarding: the new partner's checklist, ticked from real state. */
@Component({
  selector: 'app-onboarding-widget',
  imports: [WidgetCard, MatButtonModule, MatIconModule, RouterLink],
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
                <a mat-stroked-button [routerLink]="s.link">{{ s.title }}</a>
              }
            </li>
          }
        </ul>
      }
    </app-widget-card>
  `,
  styleUrl: '../widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OnboardingWidget {
  readonly settings = input<WidgetSettings>({});
  private readonly api = inject(WorkspaceApi);
  protected readonly poll = pollWidget(() =>
    this.api.widget<OnboardingData>('onboarding').pipe(map((response) => response.data)),
  );
  protected readonly data = computed(() => dataOf(this.poll.state()));
}
