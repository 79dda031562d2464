package com.partnerworkspace.credentials.internal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.SliceGrants;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The connections API's web layer: the view's fields (never a secret), Location and binding cookie on
 * create, no-store on reveal, bad bodies named field by field, and who reaches a partner's list.
 */
@WebSlice(ConnectionsController.class)
@Import({BrowserBindingCookie.class, NewConnectionValidator.class})
class ConnectionsControllerWebTest {

    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final Broker BROKER = new Broker(
            "broker-sim",
            "Broker Sim",
            "oauth2",
            URI.create("http://b"),
            URI.create("http://b"),
            null,
            null,
            null,
            null);
    static final Connection C1 = new Connection(
            "c-1",
            "nikhil",
            "broker-sim",
            "Main account",
            ConnectionState.ACTIVE,
            "••••abcd",
            "nikhil",
            NOW.minus(Duration.ofDays(1)),
            NOW.minus(Duration.ofMinutes(90)),
            NOW.plus(Duration.ofHours(3)),
            NOW.plus(Duration.ofHours(2)),
            null,
            null,
            null,
            null,
            null);

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceGrants grants;

    @MockitoBean
    ConnectionService connections;

    @MockitoBean
    CredentialShares shares;

    @MockitoBean
    BrokerCatalogue brokers;

    @BeforeEach
    void aConnectionOfNikhil() {
        when(connections.now()).thenReturn(NOW);
        when(connections.broker(any())).thenReturn(BROKER);
    }

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    @Test
    void oneConnectionShowsItsStateAndTimingsButNoSecret() throws Exception {
        when(connections.visible(any(), eq("c-1"), eq(ConnectionService.VIEW_SCOPE)))
                .thenReturn(C1);

        mvc.perform(get("/api/connections/c-1").with(Tokens.nikhil()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("c-1"))
                .andExpect(jsonPath("$.brokerName").value("Broker Sim"))
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.maskedKey").value("••••abcd"))
                .andExpect(jsonPath("$.tokenAgeSeconds").value(5400))
                .andExpect(jsonPath("$.failure").doesNotExist())
                .andExpect(jsonPath("$.apiSecret").doesNotExist())
                .andExpect(jsonPath("$.apiKey").doesNotExist());
    }

    @Test
    void anUnknownConnectionIsANotFoundProblem() throws Exception {
        when(connections.visible(any(), eq("c-9"), any()))
                .thenThrow(Refusal.notFound("connection-not-found", "There is no such connection."));

        mvc.perform(get("/api/connections/c-9").with(Tokens.mukesh()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/connection-not-found"));
    }

    @Test
    void aStateThatForbidsTheActIsAConflictNamingTheState() throws Exception {
        when(connections.rotate(any(), eq("c-1"), eq("on-demand")))
                .thenThrow(Refusal.of(HttpStatus.CONFLICT, "connection-revoked", "Cannot rotate: revoked.")
                        .with("state", "REVOKED"));

        mvc.perform(post("/api/connections/c-1/rotate").with(Tokens.nikhil()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("REVOKED"));
    }

    @Test
    void rotatingIsAcceptedWithTheConnection() throws Exception {
        when(connections.rotate(any(), eq("c-1"), eq("on-demand"))).thenReturn(C1);

        mvc.perform(post("/api/connections/c-1/rotate").with(Tokens.nikhil()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("c-1"));
        verify(connections).rotate(named("nikhil"), eq("c-1"), eq("on-demand"));
    }

    @Test
    void aRevealIsNeverCached() throws Exception {
        when(connections.reveal(any(), eq("c-1"))).thenReturn(Map.of("apiKey", "k", "accessToken", "t"));

        mvc.perform(post("/api/connections/c-1/reveal").with(Tokens.nikhilWithFreshMfa()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.values.accessToken").value("t"))
                .andExpect(jsonPath("$.shownForSeconds").value(30));
    }

    @Test
    void anIdLongerThanAnIdIsRefusedBeforeTheService() throws Exception {
        mvc.perform(get("/api/connections/" + "c".repeat(65)).with(Tokens.nikhil()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        verifyNoInteractions(connections);
    }

    @Test
    void nothingWithoutAToken() throws Exception {
        mvc.perform(get("/api/connections"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        verifyNoInteractions(connections);
    }

    @Nested
    class Connecting {

        static final String BODY =
                "{\"broker\": \"broker-sim\", \"label\": \"Main account\", \"apiKey\": \"key\", \"apiSecret\": \"secret\"}";

        @Test
        void answersCreatedWithItsLocationTheLoginAndABindingCookieForThisBrowser() throws Exception {
            when(brokers.find("broker-sim")).thenReturn(java.util.Optional.of(BrokersControllerWebTest.KITE));
            when(connections.create(any(), any()))
                    .thenReturn(new ConnectionService.Started(C1, URI.create("http://b/login?state=s"), "binding"));

            mvc.perform(post("/api/connections")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/connections/c-1"))
                    .andExpect(header().string(
                                    "Set-Cookie",
                                    allOf(
                                            containsString("broker_login_c-1=binding"),
                                            containsString("Path=/api/brokers/callback"),
                                            containsString("HttpOnly"),
                                            containsString("SameSite=Lax"))))
                    .andExpect(jsonPath("$.authorizationUrl").value("http://b/login?state=s"));
            verify(connections)
                    .create(named("nikhil"), eq(new NewConnection("broker-sim", "Main account", "key", "secret")));
        }

        @Test
        void aMisspeltFieldIsNamed() throws Exception {
            mvc.perform(post("/api/connections")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"brokr\": \"broker-sim\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("brokr"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
            verifyNoInteractions(connections);
        }

        @Test
        void anOverlongKeyIsRefusedByItsBound() throws Exception {
            mvc.perform(post("/api/connections")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY.replace("\"key\"", "\"" + "k".repeat(201) + "\"")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("apiKey"));
            verifyNoInteractions(connections);
        }

        @Test
        void plainTextIsNotAccepted() throws Exception {
            mvc.perform(post("/api/connections")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.TEXT_PLAIN)
                            .content(BODY))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Nested
    class APartnersList {

        @Test
        void theOwnerAndOpsReachIt() throws Exception {
            when(connections.ofPartner(any(), eq("nikhil"))).thenReturn(List.of(C1));

            for (var token : List.of(Tokens.nikhil(), Tokens.omar())) {
                mvc.perform(get("/api/partners/nikhil/connections").with(token))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[0].id").value("c-1"));
            }
        }

        @Test
        void anotherPartnerATeammateAndAnApproverDoNot() throws Exception {
            for (var token : List.of(Tokens.mukesh(), Tokens.arjun(), Tokens.priya(), Tokens.bot())) {
                mvc.perform(get("/api/partners/nikhil/connections").with(token))
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/partner-access-denied"))
                        .andExpect(jsonPath("$.scope").value("credentials:view-status"));
            }
            verifyNoInteractions(connections);
        }

        @Test
        void aTeammateWithAViewGrantDoes() throws Exception {
            grants.give("arjun", "nikhil", "credentials:view-status", "c-1");
            when(connections.ofPartner(any(), eq("nikhil"))).thenReturn(List.of(C1));

            mvc.perform(get("/api/partners/nikhil/connections").with(Tokens.arjun()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].id").value("c-1"));
        }
    }
}
