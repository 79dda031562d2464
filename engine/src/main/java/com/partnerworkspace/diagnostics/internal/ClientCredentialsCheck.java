package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.diagnostics.internal.Outcome.Fix;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whether the broker's token endpoint accepts the client id and secret, without a person: a
 * client-credentials grant. Brokers that do not let the app use that grant still authenticate the client
 * first, but do not all say so in the same words (Keycloak answers {@code unauthorized_client} both for a
 * wrong secret and for a right one whose app may not use the grant). So the answer is compared with a
 * control: the same client id with a secret that is surely wrong. An answer like the control's is a refusal;
 * a different one means the secret got further. When refused, key and secret swapped tell a swap from a wrong
 * secret.
 */
@Component
@Order(2)
class ClientCredentialsCheck implements Check {

    private final BrokerProbe probe;

    ClientCredentialsCheck(BrokerProbe probe) {
        this.probe = probe;
    }

    @Override
    public String id() {
        return "client-credentials";
    }

    @Override
    public String title() {
        return "Client id and secret accepted by the broker";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(4);
    }

    @Override
    public String guide() {
        return GuideSections.KEYS_CHECK_SECRET;
    }

    /** How the token endpoint took a pair of keys. */
    enum Verdict {
        ACCEPTED,
        ACCEPTED_GRANT_NOT_ALLOWED,
        REFUSED,
        UNCLEAR
    }

    @Override
    public Outcome run(Subject subject) {
        if (!subject.speaksOAuth2()) {
            return Outcome.skipped(
                    subject.broker().name() + " has no client-credentials grant; its keys are checked at the login.",
                    GuideSections.KEYS_CHECK_SECRET);
        }
        if (subject.keys() == null) {
            return Outcome.skipped(
                    "The connection has no keys stored (it was revoked, or its onboarding never stored them).",
                    GuideSections.REVOKED);
        }
        URI tokenEndpoint;
        try {
            tokenEndpoint = probe.endpoint(subject.broker(), "token_endpoint").orElse(null);
        } catch (IOException e) {
            return Outcome.skipped(
                    "The broker could not be asked for its token endpoint (see reachability).",
                    GuideSections.UNREACHABLE);
        }
        if (tokenEndpoint == null) {
            return Outcome.skipped("The broker publishes no token endpoint.", GuideSections.KEYS_CHECK_SECRET);
        }
        Keys keys = subject.keys();
        Fix addAgain = subject.saved()
                ? Fix.of("add-connection", "Add the connection again with the corrected keys, then revoke this one")
                : null;
        Answered answered = grant(tokenEndpoint, keys);
        return switch (answered.verdict()) {
            case ACCEPTED ->
                Outcome.pass(
                        "The broker's token endpoint accepted the client id and secret (client-credentials grant).",
                        GuideSections.KEYS_CHECK_SECRET);
            case ACCEPTED_GRANT_NOT_ALLOWED ->
                Outcome.pass(
                        "The broker accepted the client id and secret. It does not let this app use the client-credentials"
                                + " grant (" + answered.words() + "), which only the login needs: the secret is right.",
                        GuideSections.KEYS_CHECK_SECRET);
            case REFUSED -> refused(tokenEndpoint, keys, answered).withFix(addAgain);
            case UNCLEAR ->
                Outcome.warn(
                        "The broker's token endpoint answered HTTP " + answered.status() + " (" + answered.words()
                                + "), which neither accepts nor refuses the client id and secret.",
                        GuideSections.KEYS_CHECK_SECRET);
        };
    }

    private Outcome refused(URI tokenEndpoint, Keys keys, Answered answered) {
        Answered swapped = grant(tokenEndpoint, new Keys(keys.apiSecret(), keys.apiKey()));
        if (swapped.verdict() == Verdict.ACCEPTED || swapped.verdict() == Verdict.ACCEPTED_GRANT_NOT_ALLOWED) {
            return Outcome.fail(
                    "The client id and the secret are swapped: the broker accepts them the other way round.",
                    GuideSections.KEYS_SWAPPED);
        }
        return Outcome.fail(
                "The broker refused the client id or secret (" + answered.words() + "): the secret is wrong, was"
                        + " regenerated at the broker, or the client id is unknown.",
                GuideSections.KEYS_CHECK_SECRET);
    }

    /** An answer of the token endpoint, as far as it tells keys apart (never a token). */
    private record Answered(Verdict verdict, int status, String error, String description) {
        boolean sameAs(Answered other) {
            return status == other.status && error.equals(other.error) && description.equals(other.description);
        }

        String words() {
            return description.isEmpty() ? error : error + ": " + description;
        }
    }

    private Answered grant(URI tokenEndpoint, Keys keys) {
        Answered answered = call(tokenEndpoint, keys);
        if (answered.verdict() != null) {
            return answered;
        }
        Answered control = call(tokenEndpoint, new Keys(keys.apiKey(), "surely-wrong-" + UUID.randomUUID()));
        if (control.verdict() == Verdict.UNCLEAR || control.status() == 200) {
            return new Answered(Verdict.UNCLEAR, answered.status(), answered.error(), answered.description());
        }
        Verdict verdict = answered.sameAs(control) ? Verdict.REFUSED : Verdict.ACCEPTED_GRANT_NOT_ALLOWED;
        return new Answered(verdict, answered.status(), answered.error(), answered.description());
    }

    /** One grant: accepted (200), no answer (unclear), or a refusal still to be compared (verdict null). */
    private Answered call(URI tokenEndpoint, Keys keys) {
        BrokerProbe.Answer answer;
        try {
            answer = probe.clientCredentials(tokenEndpoint, keys);
        } catch (IOException e) {
            return new Answered(Verdict.UNCLEAR, 0, "no answer", "");
        }
        if (answer.status() == 200) {
            return new Answered(Verdict.ACCEPTED, 200, "", "");
        }
        JsonNode body = probe.json(answer.body());
        String error = body.path("error").asText("HTTP " + answer.status());
        String description = body.path("error_description").asText("");
        return new Answered(null, answer.status(), error, description);
    }
}
