package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.credentials.ConnectionCredentials;
import com.partnerworkspace.diagnostics.internal.Outcome.Fix;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The connection's broker session: never connected, valid (and until when; with the broker's next daily
 * cut-off where it has one), expiring, expired (at the daily cut-off or otherwise), revoked here, or ended at
 * the broker although it should still be valid (one authenticated call tells).
 */
@Component
@Order(4)
class TokenStateCheck implements Check {

    private static final Fix RECONNECT = Fix.of("reconnect", "Reconnect: log in at the broker again (the keys stay)");

    private final DailyCutOff.Catalogue cutOffs;

    TokenStateCheck(DailyCutOff.Catalogue cutOffs) {
        this.cutOffs = cutOffs;
    }

    @Override
    public String id() {
        return "token-state";
    }

    @Override
    public String title() {
        return "Broker session (tokens) of the connection";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(4);
    }

    @Override
    public String guide() {
        return GuideSections.TOKEN_RECONNECT;
    }

    @Override
    public Outcome run(Subject subject) {
        if (!subject.saved()) {
            return Outcome.skipped(
                    "The settings are not saved as a connection yet: there are no tokens to examine.",
                    GuideSections.NEVER_CONNECTED);
        }
        ConnectionCredentials connection = subject.connection();
        Optional<DailyCutOff> cutOff = cutOffs.of(subject.broker().id());
        Instant now = subject.now();
        if ("REVOKED".equals(connection.state())) {
            return Outcome.fail(
                            "The connection was revoked: its tokens were revoked at the broker and its credential"
                                    + " destroyed.",
                            GuideSections.REVOKED)
                    .withFix(Fix.of("add-connection", "Add a new connection"));
        }
        Tokens tokens = connection.tokens();
        if (tokens == null) {
            String failure = connection.failureDetail() == null ? "" : " Last failure: " + connection.failureDetail();
            return Outcome.fail(
                            "Never connected: the broker login was not completed, so the broker issued no token"
                                    + " (state " + connection.state() + ")." + failure,
                            GuideSections.NEVER_CONNECTED)
                    .withFix(RECONNECT);
        }
        Instant endsAt = tokens.sessionExpiresAt();
        if (!now.isBefore(endsAt) || "EXPIRED".equals(connection.state())) {
            return expired(endsAt, now, cutOff).withFix(RECONNECT);
        }
        String until = "valid until " + endsAt.truncatedTo(ChronoUnit.SECONDS) + " (in "
                + Durations.words(Duration.between(now, endsAt)) + ")" + nextCutOff(now, cutOff);
        Optional<String> endedAtBroker = endedAtBroker(subject, tokens);
        if (endedAtBroker.isPresent()) {
            return Outcome.fail(
                            "The broker no longer accepts the access token although the session should be " + until
                                    + ": it was revoked or logged out at the broker. " + endedAtBroker.get(),
                            GuideSections.TOKEN_RECONNECT)
                    .withFix(RECONNECT);
        }
        if ("EXPIRING".equals(connection.state())) {
            Fix renew = subject.adapter().supportsRefresh() ? Fix.of("rotate", "Renew the session now") : RECONNECT;
            return Outcome.warn("The session is about to end: " + until + ".", GuideSections.TOKEN_RECONNECT)
                    .withFix(renew);
        }
        return Outcome.pass(
                "The session is " + until + ", and the broker accepts its token.",
                cutOff.isPresent() ? GuideSections.DAILY_CUT_OFF : GuideSections.TOKEN_RECONNECT);
    }

    private static Outcome expired(Instant endsAt, Instant now, Optional<DailyCutOff> cutOff) {
        String ago = "The session ended at " + endsAt.truncatedTo(ChronoUnit.SECONDS) + " ("
                + Durations.words(Duration.between(endsAt, now)) + " ago)";
        if (cutOff.isPresent() && cutOff.get().isCutOff(endsAt)) {
            return Outcome.fail(
                    ago + ", at the broker's daily cut-off (" + cutOff.get() + "): every session ends"
                            + " then and needs a login; the keys stay valid." + nextCutOff(now, cutOff),
                    GuideSections.DAILY_CUT_OFF);
        }
        return Outcome.fail(
                ago + "; log in again, the keys stay valid." + nextCutOff(now, cutOff), GuideSections.TOKEN_RECONNECT);
    }

    static String nextCutOff(Instant now, Optional<DailyCutOff> cutOff) {
        return cutOff.map(c -> {
                    Instant next = c.nextAfter(now);
                    return "; the next daily cut-off is at " + next + " (in "
                            + Durations.words(Duration.between(now, next)) + ")";
                })
                .orElse("");
    }

    /** Why the broker refuses a token that should be valid, if it does. */
    private static Optional<String> endedAtBroker(Subject subject, Tokens tokens) {
        try {
            subject.adapter().verify(subject.broker(), subject.keys(), tokens);
            return Optional.empty();
        } catch (BrokerException e) {
            return e.failure() == Failure.SESSION_EXPIRED ? Optional.of(e.getMessage()) : Optional.empty();
        }
    }
}
