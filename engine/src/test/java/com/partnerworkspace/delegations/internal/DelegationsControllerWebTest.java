package com.partnerworkspace.delegations.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.StepUpRequiredException;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.SliceGrants;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The delegations API's web layer: routes and status codes, the view as JSON, refusals of the service as
 * problem+json, bad requests named field by field (Bean Validation on {@link DelegationRequest} and the real
 * {@link DelegationRequestValidator} in the binder, before the service), who reaches a partner's team, the
 * retry on a concurrent change, no-store on a bot's secret, and nothing without a token.
 */
@WebSlice(DelegationsController.class)
@Import(DelegationsWebSliceSettings.class)
class DelegationsControllerWebTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant REQUESTED = Instant.parse("2030-01-01T12:00:00Z");
    static final Delegation AWAITING = new Delegation(
            "d-1",
            "nikhil",
            "nikhil",
            "arjun",
            null,
            null,
            List.of("orders:place"),
            null,
            Duration.ofHours(8),
            "Covering the trading desk while I am travelling",
            DelegationState.AWAITING_MFA,
            true,
            2,
            REQUESTED,
            null,
            null);
    static final DelegationView AWAITING_VIEW = new DelegationView(
            "d-1",
            "nikhil",
            "nikhil",
            "arjun",
            null,
            List.of("orders:place"),
            null,
            null,
            "PT8H",
            "Covering the trading desk while I am travelling",
            "AWAITING_MFA",
            REQUESTED,
            null,
            null,
            true,
            2,
            List.of(new DelegationView.ApprovalView("priya", true, "fine", REQUESTED.plusSeconds(60))),
            List.of("pat"),
            List.of(new DelegationView.TimelineEntry(REQUESTED, "Delegation requested", "nikhil")));
    static final DelegationView REVOKED_VIEW = new DelegationView(
            "d-1",
            "nikhil",
            "nikhil",
            "arjun",
            null,
            List.of("orders:place"),
            null,
            null,
            "PT8H",
            "Covering the trading desk while I am travelling",
            "REVOKED",
            REQUESTED,
            null,
            null,
            true,
            2,
            List.of(),
            List.of(),
            List.of());
    static final Delegation FOR_A_BOT = new Delegation(
            "d-2",
            "nikhil",
            "nikhil",
            "service-account-order-router",
            "order-router",
            "order-router",
            List.of("orders:read"),
            DelegationsWebSliceSettings.OWN_CONNECTION,
            Duration.ofDays(1),
            "",
            DelegationState.ACTIVE,
            false,
            1,
            REQUESTED,
            REQUESTED.plusSeconds(600),
            REQUESTED.plus(Duration.ofDays(1)).plusSeconds(600));
    static final DelegationView FOR_A_BOT_VIEW = new DelegationView(
            "d-2",
            "nikhil",
            "nikhil",
            "service-account-order-router",
            new DelegationView.Bot("order-router", "order-router"),
            List.of("orders:read"),
            DelegationsWebSliceSettings.OWN_CONNECTION,
            "Main account",
            "P1D",
            "",
            "ACTIVE",
            REQUESTED,
            REQUESTED.plusSeconds(600),
            REQUESTED.plus(Duration.ofDays(1)).plusSeconds(600),
            false,
            1,
            List.of(),
            List.of(),
            List.of());

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceGrants grants;

    @MockitoBean
    DelegationService delegations;

    @MockitoBean
    DelegationViews views;

    @MockitoBean
    ScopeCatalogue catalogue;

    @MockitoBean
    KeycloakDirectory directory;

    @MockitoBean
    BotSecretLinks botLinks;

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    static ResultActions isProblem(ResultActions answer, HttpStatus status, String slug) throws Exception {
        return answer.andExpect(status().is(status.value()))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/" + slug));
    }

    /** Without a token the API answers 401 problem+json with a bearer challenge, and asks nobody. */
    void refusedWithoutAToken(RequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        verifyNoInteractions(delegations, views, catalogue, directory, botLinks);
    }

    @Nested
    class Scopes {

        @Test
        void listsTheCatalogueWithCriticalMarksAndIsoMaxima() throws Exception {
            when(catalogue.all()).thenReturn(DelegationsWebSliceSettings.CATALOGUE);

            mvc.perform(get("/api/scopes").with(Tokens.arjun()))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.length()").value(4))
                    .andExpect(jsonPath("$[0].name").value("orders:read"))
                    .andExpect(jsonPath("$[0].description").value("See the partner's orders and their status"))
                    .andExpect(jsonPath("$[0].critical").value(false))
                    .andExpect(jsonPath("$[0].maxDuration").value("PT720H"))
                    .andExpect(jsonPath("$[1].name").value("orders:place"))
                    .andExpect(jsonPath("$[1].critical").value(true))
                    .andExpect(jsonPath("$[1].maxDuration").value("PT12H"));
        }

        @Test
        void everyoneLoggedInReadsIt() throws Exception {
            when(catalogue.all()).thenReturn(DelegationsWebSliceSettings.CATALOGUE);

            for (RequestPostProcessor token :
                    List.of(Tokens.nikhil(), Tokens.mukesh(), Tokens.priya(), Tokens.omar(), Tokens.bot())) {
                mvc.perform(get("/api/scopes").with(token)).andExpect(status().isOk());
            }
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(get("/api/scopes"));
        }
    }

    @Nested
    class Team {

        @Test
        void theOwnerAndOpsSeeTheTeammates() throws Exception {
            when(directory.teamOf("nikhil")).thenReturn(List.of(new Person("arjun", "Arjun Rao", "arjun@example")));

            for (RequestPostProcessor token : List.of(Tokens.nikhil(), Tokens.omar())) {
                mvc.perform(get("/api/partners/nikhil/team").with(token))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.length()").value(1))
                        .andExpect(jsonPath("$[0].username").value("arjun"))
                        .andExpect(jsonPath("$[0].displayName").value("Arjun Rao"))
                        .andExpect(jsonPath("$[0].email").doesNotExist());
            }
        }

        @Test
        void anotherPartnerATeammateAnApproverAndABotAreForbiddenBeforeTheDirectoryIsAsked() throws Exception {
            for (RequestPostProcessor token : List.of(Tokens.mukesh(), Tokens.arjun(), Tokens.priya(), Tokens.bot())) {
                isProblem(
                                mvc.perform(get("/api/partners/nikhil/team").with(token)),
                                HttpStatus.FORBIDDEN,
                                "partner-access-denied")
                        .andExpect(jsonPath("$.partner").value("nikhil"))
                        .andExpect(jsonPath("$.scope").doesNotExist());
            }
            verifyNoInteractions(directory);
        }

        /** Who may delegate to whom is never delegated: no scope opens the team list. */
        @Test
        void aTeammateWithAGrantIsStillForbidden() throws Exception {
            grants.give("arjun", "nikhil", "credentials:view-status");
            grants.give("arjun", "nikhil", "alerts:manage");

            isProblem(
                    mvc.perform(get("/api/partners/nikhil/team").with(Tokens.arjun())),
                    HttpStatus.FORBIDDEN,
                    "partner-access-denied");
            verifyNoInteractions(directory);
        }

        @Test
        void anOverlongPartnerIsRefusedByItsBound() throws Exception {
            mvc.perform(get("/api/partners/" + "p".repeat(101) + "/team").with(Tokens.omar()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("partner"));
            verifyNoInteractions(directory);
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(get("/api/partners/nikhil/team"));
        }
    }

    @Nested
    class Requesting {

        ResultActions request(RequestPostProcessor token, Body body) throws Exception {
            return mvc.perform(post("/api/delegations")
                    .with(token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body.json()));
        }

        @Test
        void answersCreatedWithItsLocationAndTheView() throws Exception {
            when(delegations.request(any(), any())).thenReturn(AWAITING);
            when(views.detail(AWAITING)).thenReturn(AWAITING_VIEW);

            request(Tokens.nikhil(), critical())
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/delegations/d-1"))
                    .andExpect(jsonPath("$.id").value("d-1"))
                    .andExpect(jsonPath("$.state").value("AWAITING_MFA"))
                    .andExpect(jsonPath("$.delegate").value("arjun"))
                    .andExpect(jsonPath("$.bot").doesNotExist())
                    .andExpect(jsonPath("$.connection").isEmpty())
                    .andExpect(jsonPath("$.duration").value("PT8H"))
                    .andExpect(jsonPath("$.requestedAt").value("2030-01-01T12:00:00Z"))
                    .andExpect(jsonPath("$.mfaRequired").value(true))
                    .andExpect(jsonPath("$.approvals[0].approver").value("priya"))
                    .andExpect(jsonPath("$.eligibleApprovers[0]").value("pat"))
                    .andExpect(jsonPath("$.timeline[0].activity").value("Delegation requested"));
            verify(delegations)
                    .request(
                            named("nikhil"),
                            eq(new DelegationRequest(
                                    "arjun",
                                    null,
                                    List.of("orders:place"),
                                    null,
                                    "PT8H",
                                    "Covering the trading desk while I am travelling")));
        }

        @Test
        void aNewBotLimitedToOneOfThePartnersConnectionsPasses() throws Exception {
            when(delegations.request(any(), any())).thenReturn(FOR_A_BOT);
            when(views.detail(FOR_A_BOT)).thenReturn(FOR_A_BOT_VIEW);
            Body body = without("delegate")
                    .with("bot", Map.of("name", "  order-router  "))
                    .with("scopes", List.of("credentials:view-status"))
                    .with("connection", DelegationsWebSliceSettings.OWN_CONNECTION);

            request(Tokens.nikhil(), body)
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/delegations/d-2"))
                    .andExpect(jsonPath("$.bot.name").value("order-router"))
                    .andExpect(jsonPath("$.connectionLabel").value("Main account"));
            verify(delegations)
                    .request(
                            named("nikhil"),
                            eq(new DelegationRequest(
                                    null,
                                    new DelegationRequest.Bot("  order-router  "),
                                    List.of("credentials:view-status"),
                                    DelegationsWebSliceSettings.OWN_CONNECTION,
                                    "PT8H",
                                    "Covering the desk")));
        }

        /** The cases of {@code DelegationRequestValidationTest}, answered here before any service is asked. */
        static Stream<Arguments> badRequests() {
            return Stream.of(
                    Arguments.of("unknown delegate", with("delegate", "nobody-here"), "delegate"),
                    Arguments.of("self-delegation", with("delegate", "nikhil"), "delegate"),
                    Arguments.of("delegate outside the team", with("delegate", "priya"), "delegate"),
                    Arguments.of("neither delegate nor bot", without("delegate"), "delegate"),
                    Arguments.of("both delegate and bot", with("bot", Map.of("name", "router")), "delegate"),
                    Arguments.of("unknown scope", with("scopes", List.of("orders:read", "orders:destroy")), "scopes"),
                    Arguments.of("no scope", with("scopes", List.of()), "scopes"),
                    Arguments.of("no scopes field", without("scopes"), "scopes"),
                    Arguments.of("duration missing", without("duration"), "duration"),
                    Arguments.of("duration not ISO-8601", with("duration", "8 hours"), "duration"),
                    Arguments.of("zero duration", with("duration", "PT0S"), "duration"),
                    Arguments.of("negative duration", with("duration", "-PT1H"), "duration"),
                    Arguments.of("duration above the scope's maximum", with("duration", "P31D"), "duration"),
                    Arguments.of(
                            "critical scope above the policy's maximum",
                            critical().with("duration", "PT13H"),
                            "duration"),
                    Arguments.of(
                            "short justification for a critical scope",
                            critical().with("justification", "because"),
                            "justification"),
                    Arguments.of("bad bot name", without("delegate").with("bot", Map.of("name", "!")), "bot.name"),
                    Arguments.of("bot without a name", without("delegate").with("bot", Map.of()), "bot.name"),
                    Arguments.of("over-long delegate", with("delegate", "a".repeat(10_000)), "delegate"),
                    Arguments.of("over-long justification", with("justification", "j".repeat(2_001)), "justification"),
                    Arguments.of("over-long duration", with("duration", "P" + "1".repeat(100) + "D"), "duration"),
                    Arguments.of(
                            "over-long bot name",
                            without("delegate").with("bot", Map.of("name", "b".repeat(10_000))),
                            "bot.name"),
                    Arguments.of("over-long scope", with("scopes", List.of("s".repeat(10_000))), "scopes[0]"),
                    Arguments.of("unknown field", with("scope", "orders:read"), "scope"),
                    Arguments.of("a scope that is not a list", with("scopes", Map.of("a", 1)), "scopes"),
                    Arguments.of(
                            "another partner's connection",
                            perConnection().with("connection", DelegationsWebSliceSettings.MUKESHS_CONNECTION),
                            "connection"),
                    Arguments.of("an unknown connection", perConnection().with("connection", "no-such"), "connection"),
                    Arguments.of(
                            "an over-long connection",
                            perConnection().with("connection", "c".repeat(5000)),
                            "connection"),
                    Arguments.of(
                            "a revoked connection",
                            perConnection().with("connection", DelegationsWebSliceSettings.REVOKED_CONNECTION),
                            "connection"),
                    Arguments.of(
                            "a scope checked for the whole partner",
                            with("connection", DelegationsWebSliceSettings.OWN_CONNECTION),
                            "connection"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badRequests")
        void badInputIsA400NamingTheFieldBeforeTheService(String what, Body body, String field) throws Exception {
            isProblem(request(Tokens.nikhil(), body), HttpStatus.BAD_REQUEST, "bad-request")
                    .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
            verifyNoInteractions(delegations, views);
        }

        @Test
        void theFieldsOwnRulesSayWhatIsWrong() throws Exception {
            request(Tokens.nikhil(), without("duration").with("scopes", List.of()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(Refusal.INVALID_DETAIL))
                    .andExpect(jsonPath("$.errors.length()").value(2))
                    .andExpect(
                            jsonPath("$.errors[?(@.field == 'scopes')].message").value("choose at least one scope"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'duration')].message")
                            .value("is required, e.g. PT8H"));
            request(Tokens.nikhil(), without("delegate").with("bot", Map.of("name", "-router")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("bot.name"))
                    .andExpect(jsonPath("$.errors[0].message").value(DelegationRequest.Bot.BOT_NAME_MESSAGE));
        }

        @Test
        void theValidatorsRulesSayWhatIsWrongEachFieldOnce() throws Exception {
            request(Tokens.nikhil(), with("delegate", "nikhil").with("scopes", List.of("orders:destroy")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.length()").value(2))
                    .andExpect(jsonPath("$.errors[?(@.field == 'delegate')].message")
                            .value("you cannot delegate to yourself"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'scopes')].message")
                            .value("unknown scope: orders:destroy"));
            request(Tokens.nikhil(), with("duration", "8 hours"))
                    .andExpect(
                            jsonPath("$.errors[0].message").value("must be an ISO-8601 duration such as PT8H or P1D"));
            request(Tokens.nikhil(), with("duration", "PT0S"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be longer than zero"));
            request(Tokens.nikhil(), with("delegate", "arjun").with("bot", Map.of("name", "router")))
                    .andExpect(jsonPath("$.errors[0].message").value("name either a teammate or a new bot, not both"));
            request(Tokens.nikhil(), without("delegate"))
                    .andExpect(jsonPath("$.errors[0].message").value("name a teammate, or ask for a new bot"));
        }

        @Test
        void thePolicyTablesLimitsApplyOnceEveryFieldIsFine() throws Exception {
            request(Tokens.nikhil(), with("duration", "P31D"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("duration"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be at most PT720H for these scopes"));
            request(Tokens.nikhil(), critical().with("duration", "PT13H").with("justification", "because"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'duration')].message")
                            .value("must be at most PT12H for these scopes"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'justification')].message")
                            .value("needs at least 20 characters for critical scopes"));
            request(Tokens.nikhil(), critical().with("duration", "PT13H").with("delegate", "priya"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("delegate"));
            verifyNoInteractions(delegations);
        }

        /** Whether the name is unknown, an approver's, a partner's or ops': one answer, and no name in it. */
        @Test
        void namesOutsideTheTeamGetOneAnswerWhetherOrNotTheyExist() throws Exception {
            for (String name : List.of("nobody-here", "priya", "mukesh", "omar")) {
                request(Tokens.nikhil(), with("delegate", name))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors.length()").value(1))
                        .andExpect(jsonPath("$.errors[0].field").value("delegate"))
                        .andExpect(jsonPath("$.errors[0].message").value(DelegationRequestValidator.NOT_A_TEAMMATE))
                        .andExpect(content().string(not(containsString(name))));
            }
        }

        @Test
        void theConnectionRulesSayWhatIsWrong() throws Exception {
            request(Tokens.nikhil(), perConnection().with("connection", DelegationsWebSliceSettings.MUKESHS_CONNECTION))
                    .andExpect(jsonPath("$.errors[0].message").value("is not one of your broker connections"));
            request(Tokens.nikhil(), perConnection().with("connection", DelegationsWebSliceSettings.REVOKED_CONNECTION))
                    .andExpect(jsonPath("$.errors[0].message").value("was revoked"));
            request(Tokens.nikhil(), with("connection", DelegationsWebSliceSettings.OWN_CONNECTION))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("only credentials:reveal, credentials:rotate, credentials:view-status can be"
                                    + " limited to one connection, not orders:read"));
        }

        /** The service refuses them as such (403); the binder does not tell them what is wrong with the request. */
        @Test
        void whoMayNotDelegateIsRefusedByTheServiceNotToldAboutTheirRequest() throws Exception {
            when(delegations.request(any(), any()))
                    .thenThrow(Refusal.of(
                            HttpStatus.FORBIDDEN,
                            "delegation-not-allowed",
                            "Only a partner can delegate their access."));

            for (RequestPostProcessor token : List.of(Tokens.arjun(), Tokens.priya(), Tokens.omar(), Tokens.bot())) {
                isProblem(
                                request(token, with("delegate", "nobody-here").with("duration", "P99D")),
                                HttpStatus.FORBIDDEN,
                                "delegation-not-allowed")
                        .andExpect(jsonPath("$.detail").value("Only a partner can delegate their access."))
                        .andExpect(jsonPath("$.errors").doesNotExist());
            }
            verify(delegations, times(4)).request(any(), any());
        }

        @Test
        void anotherPartnerAsksForTheirOwnPartner() throws Exception {
            request(Tokens.mukesh(), valid())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("delegate"))
                    .andExpect(jsonPath("$.errors[0].message").value(DelegationRequestValidator.NOT_A_TEAMMATE));
        }

        @Test
        void aBodyMustBeJson() throws Exception {
            isProblem(
                    mvc.perform(post("/api/delegations")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.TEXT_PLAIN)
                            .content(valid().json())),
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type");
            mvc.perform(post("/api/delegations")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"delegate\": "))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON."));
            verifyNoInteractions(delegations);
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(post("/api/delegations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(valid().json()));
        }
    }

    @Nested
    class Listing {

        @Test
        void mineUnlessAnotherViewIsNamed() throws Exception {
            when(delegations.list(any(), eq("mine"))).thenReturn(List.of(AWAITING));
            when(views.detail(AWAITING)).thenReturn(AWAITING_VIEW);

            mvc.perform(get("/api/delegations").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].id").value("d-1"));
            verify(delegations).list(named("nikhil"), eq("mine"));
        }

        @Test
        void theNamedViewForTheCaller() throws Exception {
            when(delegations.list(any(), eq("to-approve"))).thenReturn(List.of(AWAITING));
            when(views.detail(AWAITING)).thenReturn(AWAITING_VIEW);

            mvc.perform(get("/api/delegations?view=to-approve").with(Tokens.priya()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].eligibleApprovers[0]").value("pat"));
            verify(delegations).list(named("priya"), eq("to-approve"));
        }

        @Test
        void anEmptyListIsAnEmptyArray() throws Exception {
            when(delegations.list(any(), eq("granted-to-me"))).thenReturn(List.of());

            mvc.perform(get("/api/delegations?view=granted-to-me").with(Tokens.bot()))
                    .andExpect(status().isOk())
                    .andExpect(content().json("[]"));
        }

        @Test
        void anUnknownViewIsTheServicesBadRequestNamingIt() throws Exception {
            when(delegations.list(any(), eq("everything")))
                    .thenThrow(Refusal.invalid(Map.of("view", "must be mine, to-approve or granted-to-me")));

            isProblem(
                            mvc.perform(get("/api/delegations?view=everything").with(Tokens.nikhil())),
                            HttpStatus.BAD_REQUEST,
                            "bad-request")
                    .andExpect(jsonPath("$.errors[0].field").value("view"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be mine, to-approve or granted-to-me"));
        }

        @Test
        void anOverlongViewIsRefusedByItsBoundBeforeTheService() throws Exception {
            mvc.perform(get("/api/delegations").param("view", "v".repeat(65)).with(Tokens.nikhil()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("view"));
            verifyNoInteractions(delegations);
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(get("/api/delegations"));
        }
    }

    @Nested
    class ReadingOne {

        @Test
        void showsTheViewOfWhatTheCallerMaySee() throws Exception {
            when(delegations.visible(any(), eq("d-2"))).thenReturn(FOR_A_BOT);
            when(views.detail(FOR_A_BOT)).thenReturn(FOR_A_BOT_VIEW);

            mvc.perform(get("/api/delegations/d-2").with(Tokens.arjun()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("d-2"))
                    .andExpect(jsonPath("$.bot.name").value("order-router"))
                    .andExpect(jsonPath("$.bot.clientId").value("order-router"))
                    .andExpect(jsonPath("$.connection").value(DelegationsWebSliceSettings.OWN_CONNECTION))
                    .andExpect(jsonPath("$.duration").value("P1D"))
                    .andExpect(jsonPath("$.state").value("ACTIVE"))
                    .andExpect(jsonPath("$.expiresAt").value("2030-01-02T12:10:00Z"));
            verify(delegations).visible(named("arjun"), eq("d-2"));
        }

        @Test
        void oneTheCallerMayNotSeeIsNotFound() throws Exception {
            when(delegations.visible(any(), eq("d-1"))).thenThrow(DelegationService.noSuchDelegation());

            isProblem(
                            mvc.perform(get("/api/delegations/d-1").with(Tokens.mukesh())),
                            HttpStatus.NOT_FOUND,
                            "delegation-not-found")
                    .andExpect(jsonPath("$.detail").value("There is no such delegation."));
            verifyNoInteractions(views);
        }

        @Test
        void anOverlongIdIsRefusedByItsBoundBeforeTheService() throws Exception {
            mvc.perform(get("/api/delegations/" + "d".repeat(65)).with(Tokens.nikhil()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("id"));
            verifyNoInteractions(delegations);
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(get("/api/delegations/d-1"));
        }
    }

    @Nested
    class ConfirmingWithMfa {

        @Test
        void answersTheDelegationMovedOn() throws Exception {
            when(delegations.confirmMfa(any(), eq("d-1"))).thenReturn(AWAITING);
            when(views.detail(AWAITING)).thenReturn(AWAITING_VIEW);

            mvc.perform(post("/api/delegations/d-1/confirm-mfa").with(Tokens.nikhilWithFreshMfa()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("d-1"));
            verify(delegations).confirmMfa(named("nikhil"), eq("d-1"));
        }

        @Test
        void aStaleLoginIsAskedToStepUp() throws Exception {
            when(delegations.confirmMfa(any(), eq("d-1")))
                    .thenThrow(new StepUpRequiredException(DelegationService.MFA_MAX_AGE));

            isProblem(
                            mvc.perform(post("/api/delegations/d-1/confirm-mfa").with(Tokens.nikhil())),
                            HttpStatus.FORBIDDEN,
                            "mfa-step-up-required")
                    .andExpect(jsonPath("$.acrValues").value("mfa"))
                    .andExpect(jsonPath("$.maxAge").value(300))
                    .andExpect(header().string(
                                    "WWW-Authenticate", containsString("error=\"insufficient_user_authentication\"")));
        }

        @Test
        void aRequestNotAwaitingMfaIsAConflict() throws Exception {
            when(delegations.confirmMfa(any(), eq("d-1")))
                    .thenThrow(Refusal.of(
                            HttpStatus.CONFLICT, "mfa-not-awaited", "The request is ACTIVE, not awaiting MFA."));

            isProblem(
                            mvc.perform(post("/api/delegations/d-1/confirm-mfa").with(Tokens.nikhilWithFreshMfa())),
                            HttpStatus.CONFLICT,
                            "mfa-not-awaited")
                    .andExpect(jsonPath("$.title").value("Conflict"))
                    .andExpect(jsonPath("$.detail").value("The request is ACTIVE, not awaiting MFA."));
        }

        @Test
        void someoneElseIsForbidden() throws Exception {
            when(delegations.confirmMfa(any(), eq("d-1")))
                    .thenThrow(Refusal.of(
                            HttpStatus.FORBIDDEN,
                            "not-the-requester",
                            "Only the person who asked can confirm the request."));

            isProblem(
                    mvc.perform(post("/api/delegations/d-1/confirm-mfa").with(Tokens.omar())),
                    HttpStatus.FORBIDDEN,
                    "not-the-requester");
        }

        @Test
        void aConcurrentChangeByTheEngineIsTriedAgain() throws Exception {
            when(delegations.confirmMfa(any(), eq("d-1")))
                    .thenThrow(new OptimisticLockingException("changed by the job executor"))
                    .thenReturn(AWAITING);
            when(views.detail(AWAITING)).thenReturn(AWAITING_VIEW);

            mvc.perform(post("/api/delegations/d-1/confirm-mfa").with(Tokens.nikhilWithFreshMfa()))
                    .andExpect(status().isOk());
            verify(delegations, times(2)).confirmMfa(named("nikhil"), eq("d-1"));
        }

        @Test
        void anOverlongIdIsRefusedByItsBoundBeforeTheService() throws Exception {
            mvc.perform(post("/api/delegations/" + "d".repeat(65) + "/confirm-mfa")
                            .with(Tokens.nikhilWithFreshMfa()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("id"));
            verifyNoInteractions(delegations);
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(post("/api/delegations/d-1/confirm-mfa"));
        }
    }

    @Nested
    class Revoking {

        @Test
        void answersTheEndedDelegation() throws Exception {
            when(delegations.revoke(any(), eq("d-1"))).thenReturn(AWAITING);
            when(views.detail(AWAITING)).thenReturn(REVOKED_VIEW);

            mvc.perform(post("/api/delegations/d-1/revoke").with(Tokens.omar()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("REVOKED"));
            verify(delegations).revoke(named("omar"), eq("d-1"));
        }

        @Test
        void anEndedDelegationIsAConflict() throws Exception {
            when(delegations.revoke(any(), eq("d-1")))
                    .thenThrow(
                            Refusal.of(HttpStatus.CONFLICT, "delegation-closed", "The delegation is already REVOKED."));

            isProblem(
                            mvc.perform(post("/api/delegations/d-1/revoke").with(Tokens.nikhil())),
                            HttpStatus.CONFLICT,
                            "delegation-closed")
                    .andExpect(jsonPath("$.detail").value("The delegation is already REVOKED."));
        }

        @Test
        void whoMayNotRevokeIsForbiddenAndWhoMayNotSeeItFindsNothing() throws Exception {
            when(delegations.revoke(named("arjun"), eq("d-1")))
                    .thenThrow(Refusal.of(
                            HttpStatus.FORBIDDEN,
                            "not-allowed-to-revoke",
                            "Only the partner or ops can revoke a delegation."));
            when(delegations.revoke(named("mukesh"), eq("d-1"))).thenThrow(DelegationService.noSuchDelegation());

            isProblem(
                    mvc.perform(post("/api/delegations/d-1/revoke").with(Tokens.arjun())),
                    HttpStatus.FORBIDDEN,
                    "not-allowed-to-revoke");
            isProblem(
                    mvc.perform(post("/api/delegations/d-1/revoke").with(Tokens.mukesh())),
                    HttpStatus.NOT_FOUND,
                    "delegation-not-found");
            verifyNoInteractions(views);
        }

        @Test
        void aConcurrentChangeIsTriedThreeTimesThenAConflict() throws Exception {
            when(delegations.revoke(any(), eq("d-1")))
                    .thenThrow(new OptimisticLockingException("changed by the job executor"));

            isProblem(
                    mvc.perform(post("/api/delegations/d-1/revoke").with(Tokens.nikhil())),
                    HttpStatus.CONFLICT,
                    "concurrent-change");
            verify(delegations, times(3)).revoke(named("nikhil"), eq("d-1"));
        }

        @Test
        void onlyAPostRevokes() throws Exception {
            isProblem(
                    mvc.perform(get("/api/delegations/d-1/revoke").with(Tokens.nikhil())),
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method-not-allowed");
            verifyNoInteractions(delegations);
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(post("/api/delegations/d-1/revoke"));
        }
    }

    @Nested
    class OpeningABotSecret {

        static final String LINK = "a".repeat(43);

        ResultActions open(RequestPostProcessor token, String body) throws Exception {
            return mvc.perform(post("/api/delegations/bot-secret")
                    .with(token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body));
        }

        @Test
        void answersTheCredentialsNeverToBeCached() throws Exception {
            when(botLinks.open(any(), eq(LINK)))
                    .thenReturn(new BotSecretLinks.BotCredentials("order-router", "s3cret"));

            open(Tokens.nikhil(), "{\"token\": \"" + LINK + "\"}")
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(jsonPath("$.clientId").value("order-router"))
                    .andExpect(jsonPath("$.clientSecret").value("s3cret"));
            verify(botLinks).open(named("nikhil"), eq(LINK));
        }

        /** The link is the authority: every logged-in caller reaches it, and it decides. */
        @Test
        void everyLoggedInCallerReachesTheLinkWhichRefusesWhomItWasNotSentTo() throws Exception {
            when(botLinks.open(any(), eq(LINK)))
                    .thenThrow(Refusal.of(
                            HttpStatus.FORBIDDEN,
                            "not-your-bot",
                            "This link was sent to someone else; it stays unopened."));

            for (RequestPostProcessor token :
                    List.of(Tokens.mukesh(), Tokens.arjun(), Tokens.priya(), Tokens.omar(), Tokens.bot())) {
                isProblem(open(token, "{\"token\": \"" + LINK + "\"}"), HttpStatus.FORBIDDEN, "not-your-bot")
                        .andExpect(jsonPath("$.clientSecret").doesNotExist());
            }
            verify(botLinks, times(5)).open(any(), eq(LINK));
        }

        @Test
        void aLinkOpenedBeforeOrExpiredIsGone() throws Exception {
            when(botLinks.open(any(), eq(LINK)))
                    .thenThrow(Refusal.of(
                            HttpStatus.GONE, "link-used-or-expired", "This link was opened before or has expired."));

            isProblem(open(Tokens.nikhil(), "{\"token\": \"" + LINK + "\"}"), HttpStatus.GONE, "link-used-or-expired")
                    .andExpect(jsonPath("$.title").value("Gone"));
        }

        @Test
        void theLinkIdIsRequiredAndBounded() throws Exception {
            for (String body : List.of("{}", "{\"token\": \"  \"}")) {
                open(Tokens.nikhil(), body)
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("token"))
                        .andExpect(jsonPath("$.errors[0].message").value("is required"));
            }
            open(Tokens.nikhil(), "{\"token\": \"" + "t".repeat(513) + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("token"));
            open(Tokens.nikhil(), "{\"link\": \"" + LINK + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("link"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
            verify(botLinks, never()).open(any(), any());
        }

        @Test
        void nobodyWithoutAToken() throws Exception {
            refusedWithoutAToken(post("/api/delegations/bot-secret")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"token\": \"" + LINK + "\"}"));
        }
    }

    /** A request body built from a valid one (nikhil asks orders:read for arjun), one field changed at a time. */
    record Body(Map<String, Object> values) {

        Body with(String key, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(values);
            changed.put(key, value);
            return new Body(changed);
        }

        Body without(String key) {
            Map<String, Object> changed = new LinkedHashMap<>(values);
            changed.remove(key);
            return new Body(changed);
        }

        String json() throws Exception {
            return JSON.writeValueAsString(values);
        }

        @Override
        public String toString() {
            String shown = values.toString();
            return shown.length() > 120 ? shown.substring(0, 120) + "…" : shown;
        }
    }

    static Body valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delegate", "arjun");
        body.put("scopes", List.of("orders:read"));
        body.put("duration", "PT8H");
        body.put("justification", "Covering the desk");
        return new Body(body);
    }

    static Body critical() {
        return valid().with("scopes", List.of("orders:place"))
                .with("justification", "Covering the trading desk while I am travelling");
    }

    static Body perConnection() {
        return valid().with("scopes", List.of("credentials:view-status", "credentials:rotate"))
                .with("justification", "Rotates this one account while I am travelling");
    }

    static Body with(String key, Object value) {
        return valid().with(key, value);
    }

    static Body without(String key) {
        return valid().without(key);
    }
}
