import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';
import { GUIDES } from '../guides';

@Component({
  selector: 'app-diagnostics-page',
  imports: [ComingSoon, RouterLink],
  template: `
    <app-coming-soon
      heading="Diagnostics"
      description="The OAuth doctor and a smoke test for your connections."
    />
    <section class="guides" aria-labelledby="guides-title">
      <h2 id="guides-title">Troubleshooting guides</h2>
      <ul>
        @for (guide of guides; track guide.slug) {
          <li>
            <a [routerLink]="['/diagnostics/guides', guide.slug]">{{ guide.title }}</a>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .guides {
      max-width: 720px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    li {
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiagnosticsPage {
  protected readonly guides = GUIDES;
}
