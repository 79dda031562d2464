package com.partnerworkspace.delegations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.delegations.internal.DelegationRequest.Bot;
import com.partnerworkspace.delegations.internal.ScopeCatalogue.Scope;
import com.partnerworkspace.security.WorkspaceUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * {@code POST /api/delegations}, checked the way the controller's binder checks it: Bean Validation on the
 * record, then {@link DelegationRequestValidator} for nikhil, with a scope catalogue and a policy table
 * standing in for the DMN tables, nikhil's team and connections. No engine, no Spring context.
 */
class DelegationRequestValidatorTest {

    private static final LocalValidatorFactoryBean BEAN_VALIDATION = beanValidation();
    private static final WorkspaceUser NIKHIL = user("nikhil", "partner", "nikhil");

    private static final List<Scope> CATALOGUE = List.of(
            new Scope("orders:read", "Read orders", false, Duration.ofDays(30)),
            new Scope("orders:place", "Place orders", true, Duration.ofDays(1)),
            new Scope("credentials:rotate", "Rotate credentials", true, Duration.ofDays(1)));

    /** Critical scopes: at most 12 hours and a 20-character justification; else 30 days, any justification. */
    private static final DelegationRequestValidator.PolicyTable POLICY = (critical, kind, requested) -> critical
            ? new DelegationPolicy.Decision(true, 2, Duration.ofHours(12), 20, Duration.ofDays(1))
            : new DelegationPolicy.Decision(false, 1, Duration.ofDays(30), 0, Duration.ofDays(1));

    private static final Map<String, PartnerConnection> CONNECTIONS = Map.of(
            "own", new PartnerConnection("own", "nikhil", "Main", false),
            "revoked", new PartnerConnection("revoked", "nikhil", "Old", true),
            "mukeshs", new PartnerConnection("mukeshs", "mukesh", "Not nikhil's", false));

    private final DelegationRequestValidator validator = new DelegationRequestValidator(
            () -> CATALOGUE,
            POLICY,
            partner -> partner.equals("nikhil") ? List.of("arjun") : List.of(),
            id -> Optional.ofNullable(CONNECTIONS.get(id)));

    @AfterAll
    static void close() {
        BEAN_VALIDATION.close();
    }

    @Nested
    class Accepts {

        @Test
        void aTeammateForAScopeWithinItsLimits() {
            assertThat(errorsOf(NIKHIL, valid())).isEmpty();
        }

        @Test
        void aNewBotWithANameThatReadsAsOneOnceStripped() {
            assertThat(errorsOf(NIKHIL, forBot("  order-router  "))).isEmpty();
        }

        @Test
        void credentialsScopesLimitedToOneOfThePartnersOwnConnections() {
            assertThat(errorsOf(
                            NIKHIL, critical().withScopes("credentials:rotate").withConnection("own")))
                    .isEmpty();
        }

        @Test
        void andReadsWhatTheRequestMeans() {
            DelegationRequestValidator.ValidRequest read = validator.read(
                    NIKHIL, valid().withScopes("orders:place", "orders:place").request());

            assertThat(read.delegate()).isEqualTo("arjun");
            assertThat(read.scopes()).extracting(Scope::name).containsExactly("orders:place");
            assertThat(read.critical()).isTrue();
            assertThat(read.policy().approvalsRequired()).isEqualTo(2);
        }
    }

    @Nested
    class Delegate {

        @Test
        void isATeammateOrABotButNotBoth() {
            assertThat(errorsOf(NIKHIL, valid().withBot(new Bot("router"))))
                    .containsExactly(Map.entry("delegate", "name either a teammate or a new bot, not both"));
            assertThat(errorsOf(NIKHIL, valid().withDelegate(null)))
                    .containsExactly(Map.entry("delegate", "name a teammate, or ask for a new bot"));
        }

        @Test
        void isNotTheRequester() {
            assertThat(errorsOf(NIKHIL, valid().withDelegate("nikhil")))
                    .containsExactly(Map.entry("delegate", "you cannot delegate to yourself"));
        }

        @Test
        void outsideTheTeamGetsOneAnswerWhetherOrNotTheNameExists() {
            assertThat(errorsOf(NIKHIL, valid().withDelegate("priya")))
                    .isEqualTo(errorsOf(NIKHIL, valid().withDelegate("nobody-here")))
                    .containsExactly(Map.entry("delegate", DelegationRequestValidator.NOT_A_TEAMMATE));
        }

        @Test
        void anOverLongNameIsNotLookedUp() {
            assertThat(errorsOf(NIKHIL, valid().withDelegate("a".repeat(10_000))))
                    .containsOnlyKeys("delegate")
                    .doesNotContainValue(DelegationRequestValidator.NOT_A_TEAMMATE);
        }
    }

    @Nested
    class BotName {

        @Test
        void hasThreeToFortyCharactersStartingWithALetterOrDigit() {
            for (String bad : List.of("!", "ab", "  ab  ", "-router", "b".repeat(41))) {
                assertThat(errorsOf(NIKHIL, forBot(bad)))
                        .as(bad)
                        .containsExactly(Map.entry(
                                "bot.name",
                                "3 to 40 letters, digits, spaces, '-' or '_', starting with a letter or digit"));
            }
        }

        @Test
        void isRequiredForABot() {
            assertThat(errorsOf(NIKHIL, forBot(null))).containsOnlyKeys("bot.name");
        }
    }

    @Nested
    class Scopes {

        @Test
        void atLeastOne() {
            assertThat(errorsOf(NIKHIL, valid().withScopes()))
                    .containsExactly(Map.entry("scopes", "choose at least one scope"));
        }

        @Test
        void onlyFromTheCatalogue() {
            assertThat(errorsOf(NIKHIL, valid().withScopes("orders:read", "orders:destroy")))
                    .containsExactly(Map.entry("scopes", "unknown scope: orders:destroy"));
        }
    }

    @Nested
    class Connection {

        @Test
        void isOneOfThePartnersOwnAndNotRevoked() {
            Body rotate = valid().withScopes("credentials:rotate");
            assertThat(errorsOf(NIKHIL, rotate.withConnection("mukeshs")))
                    .isEqualTo(errorsOf(NIKHIL, rotate.withConnection("no-such-connection")))
                    .containsExactly(Map.entry("connection", "is not one of your broker connections"));
            assertThat(errorsOf(NIKHIL, rotate.withConnection("revoked")))
                    .containsExactly(Map.entry("connection", "was revoked"));
        }

        @Test
        void limitsOnlyCredentialsScopes() {
            assertThat(errorsOf(NIKHIL, valid().withConnection("own")))
                    .containsExactly(Map.entry(
                            "connection",
                            "only credentials:reveal, credentials:rotate, credentials:view-status can be limited to"
                                    + " one connection, not orders:read"));
        }
    }

    @Nested
    class DurationField {

        @Test
        void isARequiredPositiveIsoDuration() {
            assertThat(errorsOf(NIKHIL, valid().withDuration(null)))
                    .containsExactly(Map.entry("duration", "is required, e.g. PT8H"));
            assertThat(errorsOf(NIKHIL, valid().withDuration("8 hours")))
                    .containsExactly(Map.entry("duration", "must be an ISO-8601 duration such as PT8H or P1D"));
            assertThat(errorsOf(NIKHIL, valid().withDuration("PT0S")))
                    .containsExactly(Map.entry("duration", "must be longer than zero"));
            assertThat(errorsOf(NIKHIL, valid().withDuration("-PT1H")))
                    .containsExactly(Map.entry("duration", "must be longer than zero"));
        }
    }

    @Nested
    class Policy {

        @Test
        void theScopesOwnMaximumApplies() {
            assertThat(errorsOf(NIKHIL, valid().withDuration("P31D")))
                    .containsExactly(Map.entry("duration", "must be at most PT720H for these scopes"));
        }

        @Test
        void theTablesMaximumForCriticalScopesApplies() {
            assertThat(errorsOf(NIKHIL, critical().withDuration("PT13H")))
                    .containsExactly(Map.entry("duration", "must be at most PT12H for these scopes"));
        }

        @Test
        void criticalScopesNeedTheTablesJustificationLength() {
            assertThat(errorsOf(NIKHIL, critical().withJustification("   because   ")))
                    .containsExactly(Map.entry("justification", "needs at least 20 characters for critical scopes"));
        }

        @Test
        void appliesOnlyOnceEveryFieldIsFine() {
            assertThat(errorsOf(NIKHIL, critical().withDuration("PT13H").withDelegate("priya")))
                    .containsExactly(Map.entry("delegate", DelegationRequestValidator.NOT_A_TEAMMATE));
        }
    }

    @Nested
    class SomeoneWhoMayNotDelegate {

        /** The service answers 403; the request's content is not judged for them. */
        @Test
        void isNotToldWhatIsWrongWithTheirRequest() {
            WorkspaceUser arjun = user("arjun", null, null);
            assertThat(errorsOf(arjun, valid().withDelegate("arjun"))).isEmpty();
        }
    }

    /** A request body, changed one field at a time. */
    record Body(String delegate, Bot bot, List<String> scopes, String connection, String duration, String why) {

        Body withDelegate(String value) {
            return new Body(value, bot, scopes, connection, duration, why);
        }

        Body withBot(Bot value) {
            return new Body(delegate, value, scopes, connection, duration, why);
        }

        Body withScopes(String... value) {
            return new Body(delegate, bot, List.of(value), connection, duration, why);
        }

        Body withConnection(String value) {
            return new Body(delegate, bot, scopes, value, duration, why);
        }

        Body withDuration(String value) {
            return new Body(delegate, bot, scopes, connection, value, why);
        }

        Body withJustification(String value) {
            return new Body(delegate, bot, scopes, connection, duration, value);
        }

        DelegationRequest request() {
            return new DelegationRequest(delegate, bot, scopes, connection, duration, why);
        }
    }

    private static Body valid() {
        return new Body("arjun", null, List.of("orders:read"), null, "PT8H", "Covering the desk");
    }

    private static Body critical() {
        return valid().withScopes("orders:place").withJustification("Covering the trading desk while I travel");
    }

    private static Body forBot(String name) {
        return valid().withDelegate(null).withBot(new Bot(name));
    }

    /** Field → first message, as {@code errors: [{field, message}]} carries them. */
    private Map<String, String> errorsOf(WorkspaceUser requester, Body body) {
        DelegationRequest request = body.request();
        Errors errors = new DirectFieldBindingResult(request, "delegationRequest");
        BEAN_VALIDATION.validate(request, errors);
        validator.forRequester(requester).validate(request, errors);
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return messages;
    }

    private static WorkspaceUser user(String username, String role, String partner) {
        return new WorkspaceUser(username, username, partner, role == null ? Set.of() : Set.of(role), null, null);
    }

    private static LocalValidatorFactoryBean beanValidation() {
        LocalValidatorFactoryBean validation = new LocalValidatorFactoryBean();
        validation.afterPropertiesSet();
        return validation;
    }
}
