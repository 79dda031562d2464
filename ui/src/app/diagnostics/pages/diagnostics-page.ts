import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-diagnostics-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Diagnostics"
    description="OAuth troubleshooting guides and a smoke test for your connections."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiagnosticsPage {}
