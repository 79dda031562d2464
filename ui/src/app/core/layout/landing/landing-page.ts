import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { AuthService } from '../../auth/auth.service';

/** What visitors without a session see on every route. */
@Component({
  selector: 'app-landing-page',
  imports: [MatButtonModule, MatCardModule],
  templateUrl: './landing-page.html',
  styleUrl: './landing-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LandingPage {
  private readonly auth = inject(AuthService);

  protected readonly error = this.auth.error;
  protected readonly canLogIn = computed(() => this.auth.status() === 'ready');
  protected readonly unreachable = computed(() => this.auth.status() === 'error');

  protected login(): void {
    this.auth.login();
  }

  protected retry(): void {
    window.location.reload();
  }
}
