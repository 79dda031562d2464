import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-inbox-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Inbox"
    description="Approvals and tasks assigned to you or your groups will show up here."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {}
