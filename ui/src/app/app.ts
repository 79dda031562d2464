import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from './core/auth/auth.service';
import { LandingPage } from './core/layout/landing/landing-page';
import { Shell } from './core/layout/shell/shell';

@Component({
  selector: 'app-root',
  imports: [Shell, LandingPage],
  template: `
    @if (isLoggedIn()) {
      <app-shell />
    } @else {
      <app-landing-page />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly isLoggedIn = inject(AuthService).isLoggedIn;
}
