package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.credentials.ConnectionCredentials;
import java.net.URI;
import java.time.Instant;

/**
 * What the doctor examines: a broker with keys, the redirect URI this workspace sends, what the partner
 * says is registered at the broker, and the saved connection when there is one (null for settings not
 * saved yet). {@link #toString()} never shows a secret.
 *
 * @param registeredRedirectUri the redirect URI registered at the broker, as the partner copied it, or null
 * @param registeredAddress the static outbound address registered at the broker, or null
 * @param now the engine's clock when the run began
 */
record Subject(
        Broker broker,
        BrokerAdapter adapter,
        Keys keys,
        URI redirectUri,
        String registeredRedirectUri,
        String registeredAddress,
        ConnectionCredentials connection,
        Instant now) {

    boolean saved() {
        return connection != null;
    }

    boolean speaksOAuth2() {
        return "oauth2".equals(broker.adapter());
    }

    @Override
    public String toString() {
        return "Subject[" + broker.id() + ", " + (connection == null ? "unsaved" : connection.id()) + "]";
    }
}
