import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Placeholder for a page that is not built yet: its title, "Coming soon" and what it will do. */
@Component({
  selector: 'app-coming-soon',
  template: `
    <section class="coming-soon" [attr.aria-labelledby]="headingId">
      <h1 [id]="headingId">{{ heading() }}</h1>
      <p class="badge">Coming soon</p>
      <p>{{ description() }}</p>
    </section>
  `,
  styles: `
    .coming-soon {
      max-width: 720px;
    }
    .badge {
      display: inline-block;
      padding: 4px 12px;
      border-radius: 16px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoon {
  readonly heading = input.required<string>();
  readonly description = input.required<string>();
  protected readonly headingId = 'page-title';
}
