package com.partnerworkspace.notify;

import java.util.Map;
import java.util.Optional;

/**
 * An SMS gateway with Twilio's request shape: {@code POST <baseUrl>/2010-04-01/Accounts/<accountSid>/Messages.json}
 * with basic auth. Callers read it from where ops keep it (Vault); {@link #toString()} never shows the token.
 */
public record SmsGateway(String baseUrl, String accountSid, String authToken, String from) {

    /** From the fields {@code base-url}, {@code account-sid}, {@code auth-token}, {@code from}; empty when one is missing. */
    public static Optional<SmsGateway> of(Map<String, String> settings) {
        SmsGateway gateway = new SmsGateway(
                settings.get("base-url"),
                settings.get("account-sid"),
                settings.get("auth-token"),
                settings.get("from"));
        boolean complete = gateway.baseUrl() != null
                && gateway.accountSid() != null
                && gateway.authToken() != null
                && gateway.from() != null;
        return complete ? Optional.of(gateway) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SmsGateway[" + baseUrl + ", account " + accountSid + "]";
    }
}
