import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-credentials-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Credentials"
    description="Manage your broker connections: rotate, revoke, reveal and share their credentials."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CredentialsPage {}
