package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * This server's clock against the broker's. The broker's time comes from the {@code Date} header of its
 * answer (whole seconds, so the offset is known to about a second); a broker that sends none (Keycloak does
 * not) is compared through the connection's token instead: the {@code iat} the broker wrote into it against
 * the moment this server received it, which measures the offset at the last login or renewal. Authorization
 * codes live about a minute and token expiry is judged on this server's clock: a few seconds are harmless,
 * half a code's life is not.
 */
@Component
@Order(3)
class ClockOffsetCheck implements Check {

    static final Duration WARN_FROM = Duration.ofSeconds(5);
    static final Duration FAIL_FROM = Duration.ofSeconds(30);

    private final BrokerProbe probe;
    private final Clock clock;

    ClockOffsetCheck(BrokerProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "clock-offset";
    }

    @Override
    public String title() {
        return "Clock of this server against the broker's";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(4);
    }

    @Override
    public String guide() {
        return GuideSections.CLOCK_SKEW;
    }

    @Override
    public Outcome run(Subject subject) {
        URI target = subject.speaksOAuth2()
                ? BrokerProbe.discoveryUrl(subject.broker())
                : subject.broker().apiUrl();
        Instant sent = clock.instant();
        BrokerProbe.Answer answer;
        try {
            answer = probe.get(target);
        } catch (IOException e) {
            return Outcome.skipped(
                    "The broker could not be reached to read its clock (see reachability).", GuideSections.UNREACHABLE);
        }
        Instant received = clock.instant();
        if (answer.date().isEmpty()) {
            return fromToken(subject);
        }
        Instant brokerTime;
        try {
            // The header is truncated to whole seconds: its middle is the best guess.
            brokerTime = ZonedDateTime.parse(answer.date().get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .plusMillis(500);
        } catch (DateTimeParseException e) {
            return Outcome.skipped("The broker's Date header is not a date.", GuideSections.CLOCK_SKEW);
        }
        Instant here = sent.plus(Duration.between(sent, received).dividedBy(2));
        return judge(Duration.between(here, brokerTime), answer.date().get(), here);
    }

    /** The offset when the token was received: its {@code iat} (whole seconds) against this server's clock then. */
    private static Outcome fromToken(Subject subject) {
        Tokens tokens = subject.saved() ? subject.connection().tokens() : null;
        Optional<Long> issued = Optional.ofNullable(tokens)
                .flatMap(t -> JwtClaims.of(t.accessToken()))
                .map(claims -> claims.path("iat"))
                .filter(JsonNode::isNumber)
                .map(JsonNode::asLong);
        if (issued.isEmpty()) {
            return Outcome.skipped(
                    "The broker sends no Date header, and there is no token whose issue time could be"
                            + " compared: the offset cannot be measured.",
                    GuideSections.CLOCK_SKEW);
        }
        Instant brokerTime = Instant.ofEpochSecond(issued.get()).plusMillis(500);
        Duration brokerAhead = Duration.between(tokens.issuedAt(), brokerTime);
        return judge(
                brokerAhead,
                "token issued at " + Instant.ofEpochSecond(issued.get()) + " by the broker's clock",
                tokens.issuedAt(),
                "at the last login or renewal");
    }

    static Outcome judge(Duration brokerAhead, String brokerDate, Instant here) {
        return judge(brokerAhead, "broker Date: " + brokerDate, here, "now");
    }

    private static Outcome judge(Duration brokerAhead, String brokerTime, Instant here, String when) {
        Duration offset = brokerAhead.abs();
        String evidence = offset.compareTo(Duration.ofSeconds(1)) <= 0
                ? "The broker's clock agrees with this server's to within a second " + when
                : "The broker's clock is " + Durations.words(offset)
                        + (brokerAhead.isNegative() ? " behind" : " ahead of") + " this server's " + when;
        evidence += " (" + brokerTime + "; here: " + here.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "). Tolerated: under " + WARN_FROM.toSeconds() + " s; authorization codes live about 60 s.";
        if (offset.compareTo(FAIL_FROM) >= 0) {
            return Outcome.fail(
                    evidence + " Codes and tokens are judged expired or not yet valid: fix the clock"
                            + " (NTP) of whichever side is wrong.",
                    GuideSections.CLOCK_SKEW);
        }
        if (offset.compareTo(WARN_FROM) >= 0) {
            return Outcome.warn(evidence, GuideSections.CLOCK_SKEW);
        }
        return Outcome.pass(evidence, GuideSections.CLOCK_SKEW);
    }
}
