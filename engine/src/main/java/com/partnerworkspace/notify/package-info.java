/**
 * Adapter to the channels that reach people: email over SMTP, Slack incoming webhooks and
 * SMS through a Twilio-shaped gateway. Callers run
 * it from asynchronous process steps, so a failed send is retried by the job executor. Message bodies
 * never carry secrets. Adapters depend on no feature.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notification channels",
        allowedDependencies = {})
package com.partnerworkspace.notify;
