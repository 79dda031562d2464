import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-audit-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Audit"
    description="A tamper-evident audit trail of everything done in your workspace."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {}
