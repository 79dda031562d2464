import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from './core/auth/auth.service';
import { LandingPage } from './core/layout/landing/landing-page';
import { isPublicPage } from './core/layout/public-pages';
import { Shell } from './core/layout/shell/shell';

/**
 * Public pages (share and acknowledgement links) render on their own; everything else in the
 * shell when signed in, or on the landing page when not.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, Shell, LandingPage],
  template: `
    @if (isPublic()) {
      <router-outlet />
    } @else if (isLoggedIn()) {
      <app-shell />
    } @else {
      <app-landing-page />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly isLoggedIn = inject(AuthService).isLoggedIn;

  /** The current URL: the address bar until the router's first navigation ends. */
  private readonly url = toSignal(
    inject(Router).events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: window.location.pathname },
  );
  protected readonly isPublic = computed(() => isPublicPage(this.url()));
}
