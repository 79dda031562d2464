/**
 * Adapter to brokers' login and token APIs. One {@link com.partnerworkspace.broker.BrokerAdapter} per
 * protocol ({@code oauth2}, {@code kite-connect}); the catalogue ({@code workspace.brokers}) names the
 * brokers and which adapter speaks to each. Adding a broker = one adapter class + one catalogue entry.
 * Tokens and keys pass through as values and are never logged. Adapters depend on no feature.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Broker adapters",
        allowedDependencies = {})
package com.partnerworkspace.broker;
