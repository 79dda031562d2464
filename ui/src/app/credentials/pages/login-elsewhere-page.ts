import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';

export const LOGIN_STARTED_ELSEWHERE =
  'This broker login was started in another browser or by someone else. Start it again from your Credentials page.';

/**
 * Public page (`/credentials/login-elsewhere`) the engine sends a browser to when it comes back from
 * a broker login that it did not start: the login is bound to the starter's browser, so nothing was
 * completed. Shown without login and outside the shell, since whoever opened a handed-over link may
 * not be signed in to the workspace.
 */
@Component({
  selector: 'app-login-elsewhere-page',
  imports: [MatButtonModule, MatCardModule, RouterLink],
  template: `
    <main class="login-elsewhere-page">
      <mat-card appearance="outlined" class="card">
        <mat-card-content>
          <h1>Broker login not completed</h1>
          <p role="alert">{{ message }}</p>
          <a mat-stroked-button routerLink="/credentials">Go to Credentials</a>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    :host {
      display: block;
    }

    .login-elsewhere-page {
      display: flex;
      justify-content: center;
      padding: 48px 16px;
    }

    .card {
      width: 100%;
      max-width: 640px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginElsewherePage {
  protected readonly message = LOGIN_STARTED_ELSEWHERE;
}
