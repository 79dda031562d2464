import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-alerts-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Alerts"
    description="Set up alert channels and thresholds, and follow the open alerts."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertsPage {}
