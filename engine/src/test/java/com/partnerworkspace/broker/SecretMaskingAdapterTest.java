package com.partnerworkspace.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerAdapter.Login;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerException.Failure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Whatever an adapter or a broker puts in a failure's detail, it leaves the broker module with the call's
 * keys and tokens masked: the API key shows its last 4 characters at most, secrets and tokens nothing.
 */
class SecretMaskingAdapterTest {

    private static final Keys KEYS = new Keys("client-id-4711", "s3cret value/with+signs");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Tokens TOKENS = new Tokens("access-token-abc", "refresh-token-def", NOW, NOW, NOW);
    private static final Login LOGIN = new Login("state-1", "verifier-" + "v".repeat(40), URI.create("http://w/cb"));
    private static final Broker BROKER = new Broker(
            "echo", "Echo", "echo", URI.create("http://broker"), URI.create("http://broker"), null, null, null, null);

    /** An adapter whose every failure echoes everything it was given, raw and URL-encoded. */
    private static final BrokerAdapter ECHOING = new BrokerAdapter() {
        @Override
        public String protocol() {
            return "echo";
        }

        @Override
        public boolean supportsRefresh() {
            return true;
        }

        @Override
        public boolean supportsRevocation() {
            return true;
        }

        @Override
        public URI authorizationUrl(Broker broker, Keys keys, Login login) {
            throw echo(keys.apiKey(), keys.apiSecret(), login.codeVerifier());
        }

        @Override
        public void checkLogin(Broker broker, Keys keys, Login login) {
            throw echo(keys.apiKey(), keys.apiSecret());
        }

        @Override
        public Tokens exchange(Broker broker, Keys keys, Map<String, String> callback, Login login) {
            throw echo(keys.apiKey(), keys.apiSecret(), callback.get("code"));
        }

        @Override
        public Tokens refresh(Broker broker, Keys keys, Tokens current) {
            throw echo(keys.apiKey(), keys.apiSecret(), current.accessToken(), current.refreshToken());
        }

        @Override
        public void revoke(Broker broker, Keys keys, Tokens tokens) {
            throw echo(keys.apiKey(), keys.apiSecret(), tokens.accessToken(), tokens.refreshToken());
        }

        @Override
        public String verify(Broker broker, Keys keys, Tokens tokens) {
            throw echo(keys.apiKey(), keys.apiSecret(), tokens.accessToken());
        }

        private static BrokerException echo(String... values) {
            StringBuilder detail = new StringBuilder("The broker said invalid_client for");
            for (String value : values) {
                detail.append(' ')
                        .append(value)
                        .append(" (")
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append(')');
            }
            return new BrokerException(Failure.KEYS_REJECTED, detail.toString());
        }
    };

    private final BrokerAdapter adapter = new SecretMaskingAdapter(ECHOING);

    @Test
    void everyFailureLeavesWithItsKeysAndTokensMasked() {
        List<Consumer<BrokerAdapter>> calls = List.of(
                a -> a.authorizationUrl(BROKER, KEYS, LOGIN),
                a -> a.checkLogin(BROKER, KEYS, LOGIN),
                a -> a.exchange(BROKER, KEYS, Map.of("code", "one-time-code-xyz", "state", "state-1"), LOGIN),
                a -> a.refresh(BROKER, KEYS, TOKENS),
                a -> a.revoke(BROKER, KEYS, TOKENS),
                a -> a.verify(BROKER, KEYS, TOKENS));
        for (Consumer<BrokerAdapter> call : calls) {
            BrokerException failure = catchThrowableOfType(BrokerException.class, () -> call.accept(adapter));

            assertThat(failure.failure()).isEqualTo(Failure.KEYS_REJECTED);
            assertThat(failure.getMessage())
                    .startsWith("The broker said invalid_client for ••••4711")
                    .doesNotContain("client-id", "s3cret", "access-token", "refresh-token", "one-time-code")
                    .doesNotContain(LOGIN.codeVerifier())
                    .doesNotContain(URLEncoder.encode(KEYS.apiSecret(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aShortKeyShowsNothingAndOrdinaryWordsStay() {
        BrokerException failure = new BrokerException(Failure.KEYS_REJECTED, "The broker refused key abcdefg")
                .withoutSecrets("abcdefg", "key");

        assertThat(failure.getMessage()).isEqualTo("The broker refused key ••••");
        assertThat(BrokerException.maskKey("partner-workspace")).isEqualTo("••••pace");
        assertThat(new Keys("partner-workspace", "secret").toString()).doesNotContain("partner-workspace");
    }
}
