import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-delegations-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Delegations"
    description="Grant a teammate or a bot a limited scope with an expiry."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegationsPage {}
