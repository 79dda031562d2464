package com.partnerworkspace.broker;

import java.net.URI;
import java.util.Map;

/**
 * Wraps every adapter the catalogue hands out: a failure leaves the broker module only with the keys and
 * tokens of the call masked in its detail, whatever the adapter or the broker's own words put there.
 */
final class SecretMaskingAdapter implements BrokerAdapter {

    private final BrokerAdapter adapter;

    SecretMaskingAdapter(BrokerAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public String protocol() {
        return adapter.protocol();
    }

    @Override
    public boolean supportsRefresh() {
        return adapter.supportsRefresh();
    }

    @Override
    public boolean supportsRevocation() {
        return adapter.supportsRevocation();
    }

    @Override
    public URI authorizationUrl(Broker broker, Keys keys, Login login) {
        try {
            return adapter.authorizationUrl(broker, keys, login);
        } catch (BrokerException e) {
            throw masked(e, keys, null, login);
        }
    }

    @Override
    public void checkLogin(Broker broker, Keys keys, Login login) {
        try {
            adapter.checkLogin(broker, keys, login);
        } catch (BrokerException e) {
            throw masked(e, keys, null, login);
        }
    }

    @Override
    public Tokens exchange(Broker broker, Keys keys, Map<String, String> callback, Login login) {
        try {
            return adapter.exchange(broker, keys, callback, login);
        } catch (BrokerException e) {
            throw masked(e, keys, null, login).withoutSecrets(null, grantsIn(callback));
        }
    }

    @Override
    public Tokens refresh(Broker broker, Keys keys, Tokens current) {
        try {
            return adapter.refresh(broker, keys, current);
        } catch (BrokerException e) {
            throw masked(e, keys, current, null);
        }
    }

    @Override
    public void revoke(Broker broker, Keys keys, Tokens tokens) {
        try {
            adapter.revoke(broker, keys, tokens);
        } catch (BrokerException e) {
            throw masked(e, keys, tokens, null);
        }
    }

    @Override
    public String verify(Broker broker, Keys keys, Tokens tokens) {
        try {
            return adapter.verify(broker, keys, tokens);
        } catch (BrokerException e) {
            throw masked(e, keys, tokens, null);
        }
    }

    /** The one-time grants a broker's redirect carries (OAuth {@code code}, Kite {@code request_token}). */
    private static String[] grantsIn(Map<String, String> callback) {
        return new String[] {callback.get("code"), callback.get("request_token")};
    }

    private static BrokerException masked(BrokerException e, Keys keys, Tokens tokens, Login login) {
        return e.withoutSecrets(
                keys == null ? null : keys.apiKey(),
                keys == null ? null : keys.apiSecret(),
                tokens == null ? null : tokens.accessToken(),
                tokens == null ? null : tokens.refreshToken(),
                login == null ? null : login.codeVerifier());
    }
}
