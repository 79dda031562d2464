import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { WidgetId, WidgetSettings } from '../api/workspace.models';
import { AlertsWidget } from './alerts/alerts-widget';
import { ApprovalsWidget } from './approvals/approvals-widget';
import { AuditWidget } from './audit/audit-widget';
import { BrokerConnectionsWidget } from './broker-connections/broker-connections-widget';
import { DelegationsWidget } from './delegations/delegations-widget';
import { LatencyWidget } from './latency/latency-widget';
import { LoginHealthWidget } from './login-health/login-health-widget';
import { OnboardingWidget } from './onboarding/onboarding-widget';
import { PartnerOverviewWidget } from './partner-overview/partner-overview-widget';
import { PlatformHealthWidget } from './platform-health/platform-health-widget';
import { SeedMetricsWidget } from './seed-metrics/seed-metrics-widget';
import { UpcomingRotationsWidget } from './upcoming-rotations/upcoming-rotations-widget';

/** Renders the component of a widget id. */
@Component({
  selector: 'app-widget-host',
  imports: [
    AlertsWidget,
    ApprovalsWidget,
    AuditWidget,
    BrokerConnectionsWidget,
    DelegationsWidget,
    LatencyWidget,
    LoginHealthWidget,
    OnboardingWidget,
    PartnerOverviewWidget,
    PlatformHealthWidget,
    SeedMetricsWidget,
    UpcomingRotationsWidget,
  ],
  template: `
    @switch (widget()) {
      @case ('login-health') {
        <app-login-health-widget [settings]="settings()" />
      }
      @case ('broker-connections') {
        <app-broker-connections-widget [settings]="settings()" />
      }
      @case ('upcoming-rotations') {
        <app-upcoming-rotations-widget [settings]="settings()" />
      }
      @case ('latency') {
        <app-latency-widget [settings]="settings()" />
      }
      @case ('delegations') {
        <app-delegations-widget [settings]="settings()" />
      }
      @case ('alerts') {
        <app-alerts-widget [settings]="settings()" />
      }
      @case ('audit') {
        <app-audit-widget [settings]="settings()" />
      }
      @case ('approvals') {
        <app-approvals-widget [settings]="settings()" />
      }
      @case ('platform-health') {
        <app-platform-health-widget [settings]="settings()" />
      }
      @case ('partner-overview') {
        <app-partner-overview-widget [settings]="settings()" />
      }
      @case ('seed-metrics') {
        <app-seed-metrics-widget [settings]="settings()" />
      }
      @case ('onboarding') {
        <app-onboarding-widget [settings]="settings()" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WidgetHost {
  readonly widget = input.required<WidgetId>();
  readonly settings = input<WidgetSettings>({});
}
