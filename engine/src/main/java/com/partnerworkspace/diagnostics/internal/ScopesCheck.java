package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.diagnostics.internal.Outcome.Fix;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The scopes the broker granted (the stored access token's {@code scope} claim) against those the adapter
 * needs ({@code workspace.diagnostics.required-scopes.<adapter>}; the OAuth 2 adapter asks for {@code openid}
 * and reads the account from userinfo).
 */
@Component
@Order(5)
class ScopesCheck implements Check {

    private final Environment environment;

    ScopesCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String id() {
        return "scopes";
    }

    @Override
    public String title() {
        return "Scopes granted against the scopes needed";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public String guide() {
        return GuideSections.SCOPES;
    }

    @Override
    public Outcome run(Subject subject) {
        Set<String> required = requiredScopes(subject.broker().adapter());
        if (required.isEmpty()) {
            return Outcome.skipped(
                    subject.broker().name() + " grants no OAuth scopes: what the app may do is set on"
                            + " the app at the broker.",
                    GuideSections.SCOPES);
        }
        if (!subject.saved()) {
            return Outcome.skipped(
                    "The settings are not saved as a connection yet: no token says what was granted.",
                    GuideSections.SCOPES);
        }
        Tokens tokens = subject.connection().tokens();
        if (tokens == null) {
            return Outcome.skipped("The connection has no token yet (see token-state).", GuideSections.SCOPES);
        }
        return judge(required, granted(tokens.accessToken()));
    }

    static Outcome judge(Set<String> required, Optional<Set<String>> granted) {
        if (granted.isEmpty()) {
            return Outcome.skipped(
                    "The access token is opaque: the broker does not say in it which scopes it granted.",
                    GuideSections.SCOPES);
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(granted.get());
        String evidence = "Granted: " + String.join(" ", new TreeSet<>(granted.get())) + "; needed: "
                + String.join(" ", new TreeSet<>(required)) + ".";
        if (!missing.isEmpty()) {
            return Outcome.fail(
                            evidence + " Missing: " + String.join(" ", missing)
                                    + ". Allow them on the broker's consent screen (or for the app at the broker), then"
                                    + " reconnect.",
                            GuideSections.SCOPES)
                    .withFix(Fix.of("reconnect", "Reconnect and allow the missing scopes"));
        }
        return Outcome.pass(evidence, GuideSections.SCOPES);
    }

    Set<String> requiredScopes(String adapter) {
        String configured = environment.getProperty(
                "workspace.diagnostics.required-scopes." + adapter, "oauth2".equals(adapter) ? "openid" : "");
        Set<String> scopes = new LinkedHashSet<>();
        Arrays.stream(configured.split("[\\s,]+")).filter(s -> !s.isBlank()).forEach(scopes::add);
        return scopes;
    }

    /** The {@code scope} claim of a JWT access token; empty for an opaque token. */
    static Optional<Set<String>> granted(String accessToken) {
        return JwtClaims.of(accessToken)
                .map(claims -> claims.path("scope"))
                .filter(JsonNode::isTextual)
                .map(scope -> new LinkedHashSet<>(Arrays.asList(scope.asText().split(" "))));
    }
}
