package com.partnerworkspace.alerts.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * {@code /api/alerts}: the view of an alert with its delivery log (read once for a whole list), acknowledging
 * and resolving with their refusals, ops' test alert, bad input named field by field, and no call without a
 * token. Who sees which partner's alert is {@code AlertService}'s (404 for others), so the slice shows how
 * its refusals reach the caller.
 */
@WebSlice(AlertsController.class)
@Import(AlertsWebSliceSettings.class)
class AlertsControllerWebTest {

    static final Instant RAISED = Instant.parse("2030-01-01T11:00:00Z");
    static final Alert OPEN = new Alert(
            "a-1",
            "nikhil",
            "credential-expiring",
            "connection/c-1",
            Severity.CRITICAL,
            "Token of Main account expires in 2 hours",
            Alert.AlertState.OPEN,
            2,
            4,
            RAISED,
            RAISED.plusSeconds(600),
            null,
            null,
            null,
            null,
            null);
    static final DeliveryLog.Delivery MAILED =
            new DeliveryLog.Delivery(1, "email", "desk@nikhil.example", RAISED.plusSeconds(1), "sent", null);
    static final DeliveryLog.Delivery SMS_FAILED =
            new DeliveryLog.Delivery(2, "sms", "+919812345678", RAISED.plusSeconds(61), "failed", "gateway down");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertService alerts;

    @MockitoBean
    DeliveryLog deliveryLog;

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    static Alert acknowledged(String by, String reason) {
        return new Alert(
                OPEN.id(),
                OPEN.partner(),
                OPEN.type(),
                OPEN.resource(),
                OPEN.severity(),
                OPEN.summary(),
                Alert.AlertState.ACKNOWLEDGED,
                OPEN.level(),
                OPEN.count(),
                OPEN.raisedAt(),
                OPEN.lastSeenAt(),
                by,
                RAISED.plusSeconds(900),
                reason,
                null,
                null);
    }

    static Refusal closed(String state) {
        return Refusal.of(HttpStatus.CONFLICT, "alert-closed", "The alert is " + state + " already.");
    }

    @Nested
    class TheList {

        @Test
        void showsEachAlertWithItsLevelsCountAndDeliveries() throws Exception {
            when(alerts.recentFor(any())).thenReturn(List.of(OPEN));
            when(deliveryLog.ofAlerts(List.of("a-1"))).thenReturn(Map.of("a-1", List.of(MAILED, SMS_FAILED)));

            mvc.perform(get("/api/alerts").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$[0].id").value("a-1"))
                    .andExpect(jsonPath("$[0].partner").value("nikhil"))
                    .andExpect(jsonPath("$[0].severity").value("CRITICAL"))
                    .andExpect(jsonPath("$[0].state").value("OPEN"))
                    .andExpect(jsonPath("$[0].level").value(2))
                    .andExpect(jsonPath("$[0].opsLevel").value(3))
                    .andExpect(jsonPath("$[0].count").value(4))
                    .andExpect(jsonPath("$[0].raisedAt").value("2030-01-01T11:00:00Z"))
                    .andExpect(jsonPath("$[0].deliveries.length()").value(2))
                    .andExpect(jsonPath("$[1]").doesNotExist())
                    .andExpect(jsonPath("$[0].deliveries[1].channel").value("sms"))
                    .andExpect(jsonPath("$[0].deliveries[1].outcome").value("failed"))
                    .andExpect(jsonPath("$[0].deliveries[1].detail").value("gateway down"));
            verify(alerts).recentFor(named("nikhil"));
        }

        @Test
        void readsTheDeliveriesOfAllItsAlertsAtOnce() throws Exception {
            Alert other = new Alert(
                    "a-2",
                    "nikhil",
                    "login-failures",
                    "user/nikhil",
                    Severity.WARNING,
                    "5 failed logins",
                    Alert.AlertState.RESOLVED,
                    1,
                    1,
                    RAISED,
                    RAISED,
                    null,
                    null,
                    null,
                    "nikhil",
                    RAISED);
            when(alerts.recentFor(any())).thenReturn(List.of(OPEN, other));
            when(deliveryLog.ofAlerts(List.of("a-1", "a-2"))).thenReturn(Map.of("a-1", List.of(MAILED)));

            mvc.perform(get("/api/alerts").with(Tokens.omar()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].deliveries.length()").value(1))
                    .andExpect(jsonPath("$[1].deliveries.length()").value(0))
                    .andExpect(jsonPath("$[1].resolvedBy").value("nikhil"));
            verify(deliveryLog).ofAlerts(List.of("a-1", "a-2"));
            verify(deliveryLog, never()).of(anyString());
        }

        @Test
        void nobodyReadsItWithoutAToken() throws Exception {
            mvc.perform(get("/api/alerts"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(alerts, deliveryLog);
        }
    }

    @Nested
    class OneAlert {

        @Test
        void showsItWithItsOwnDeliveries() throws Exception {
            when(alerts.visible(any(), eq("a-1"))).thenReturn(OPEN);
            when(deliveryLog.of("a-1")).thenReturn(List.of(MAILED));

            mvc.perform(get("/api/alerts/a-1").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("a-1"))
                    .andExpect(jsonPath("$.summary").value("Token of Main account expires in 2 hours"))
                    .andExpect(jsonPath("$.deliveries[0].recipient").value("desk@nikhil.example"));
            verify(alerts).visible(named("nikhil"), eq("a-1"));
        }

        @Test
        void anAlertTheCallerMayNotSeeIsANotFoundProblem() throws Exception {
            when(alerts.visible(any(), eq("a-1"))).thenThrow(AlertService.notFound());

            mvc.perform(get("/api/alerts/a-1").with(Tokens.mukesh()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-not-found"))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.detail").value("There is no such alert."))
                    .andExpect(jsonPath("$.errors").doesNotExist());
        }

        @Test
        void anIdLongerThanAnIdIsRefusedBeforeTheService() throws Exception {
            mvc.perform(get("/api/alerts/" + "a".repeat(65)).with(Tokens.nikhil()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("id"));
            verifyNoInteractions(alerts);
        }

        @Test
        void nobodyReadsItWithoutAToken() throws Exception {
            mvc.perform(get("/api/alerts/a-1")).andExpect(status().isUnauthorized());
            verifyNoInteractions(alerts);
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void answersTheAcknowledgedAlertWithTheReasonGiven() throws Exception {
            when(alerts.acknowledge(any(), eq("a-1"), eq("on it"))).thenReturn(acknowledged("nikhil", "on it"));

            mvc.perform(post("/api/alerts/a-1/ack")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"on it\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                    .andExpect(jsonPath("$.acknowledgedBy").value("nikhil"))
                    .andExpect(jsonPath("$.acknowledgeReason").value("on it"))
                    .andExpect(jsonPath("$.acknowledgedAt").value("2030-01-01T11:15:00Z"));
            verify(alerts).acknowledge(named("nikhil"), eq("a-1"), eq("on it"));
        }

        @Test
        void aBodyIsOptional() throws Exception {
            when(alerts.acknowledge(any(), eq("a-1"), isNull())).thenReturn(acknowledged("omar", null));

            mvc.perform(post("/api/alerts/a-1/ack").with(Tokens.omar()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.acknowledgedBy").value("omar"));
            verify(alerts).acknowledge(named("omar"), eq("a-1"), isNull());
        }

        @Test
        void aReasonLongerThanFiveHundredIsNamed() throws Exception {
            mvc.perform(post("/api/alerts/a-1/ack")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"" + "r".repeat(501) + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
            verifyNoInteractions(alerts);
        }

        @Test
        void aClosedAlertIsAConflictSayingItsState() throws Exception {
            when(alerts.acknowledge(any(), eq("a-1"), any())).thenThrow(closed("resolved"));

            mvc.perform(post("/api/alerts/a-1/ack").with(Tokens.nikhil()))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-closed"))
                    .andExpect(jsonPath("$.title").value("Conflict"))
                    .andExpect(jsonPath("$.detail").value("The alert is resolved already."));
        }

        @Test
        void nobodyAcknowledgesWithoutAToken() throws Exception {
            mvc.perform(post("/api/alerts/a-1/ack")).andExpect(status().isUnauthorized());
            verifyNoInteractions(alerts);
        }
    }

    @Nested
    class Resolving {

        @Test
        void answersTheResolvedAlert() throws Exception {
            Alert resolved = new Alert(
                    "a-1",
                    "nikhil",
                    OPEN.type(),
                    OPEN.resource(),
                    OPEN.severity(),
                    OPEN.summary(),
                    Alert.AlertState.RESOLVED,
                    2,
                    4,
                    RAISED,
                    RAISED,
                    null,
                    null,
                    null,
                    "nikhil",
                    RAISED.plusSeconds(60));
            when(alerts.resolve(any(), eq("a-1"))).thenReturn(resolved);

            mvc.perform(post("/api/alerts/a-1/resolve").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("RESOLVED"))
                    .andExpect(jsonPath("$.resolvedBy").value("nikhil"));
            verify(alerts).resolve(named("nikhil"), eq("a-1"));
        }

        @Test
        void anAlertOfAnotherPartnerIsNotFound() throws Exception {
            when(alerts.resolve(any(), eq("a-1"))).thenThrow(AlertService.notFound());

            mvc.perform(post("/api/alerts/a-1/resolve").with(Tokens.arjun()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-not-found"));
        }

        @Test
        void anAcknowledgedAlertIsAConflict() throws Exception {
            when(alerts.resolve(any(), eq("a-1"))).thenThrow(closed("acknowledged"));

            mvc.perform(post("/api/alerts/a-1/resolve").with(Tokens.nikhil()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value("The alert is acknowledged already."));
        }
    }

    @Nested
    class ATestAlert {

        static final String BODY = "{\"partner\": \"nikhil\", \"severity\": \"CRITICAL\"}";

        @Test
        void opsRaiseOneAndGetItBackCreated() throws Exception {
            when(alerts.raiseTest(any(), eq("nikhil"), eq(Severity.CRITICAL))).thenReturn(OPEN);

            mvc.perform(post("/api/alerts/test")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.id").value("a-1"))
                    .andExpect(jsonPath("$.opsLevel").value(3));
            verify(alerts).raiseTest(named("omar"), eq("nikhil"), eq(Severity.CRITICAL));
        }

        @Test
        void anyoneButOpsIsForbidden() throws Exception {
            when(alerts.raiseTest(any(), any(), any()))
                    .thenThrow(Refusal.of(
                            HttpStatus.FORBIDDEN,
                            "alert-test-not-allowed",
                            "Only operations staff raise test alerts."));

            for (var token : List.of(Tokens.nikhil(), Tokens.priya(), Tokens.bot())) {
                mvc.perform(post("/api/alerts/test")
                                .with(token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(BODY))
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                        .andExpect(
                                jsonPath("$.type").value("https://partner-workspace/problems/alert-test-not-allowed"))
                        .andExpect(jsonPath("$.detail").value("Only operations staff raise test alerts."));
            }
        }

        @Test
        void aPartnerTheServiceRefusesIsNamed() throws Exception {
            when(alerts.raiseTest(any(), eq("Not A Partner"), any()))
                    .thenThrow(Refusal.invalid("partner", "must be a partner id such as nitin"));

            mvc.perform(post("/api/alerts/test")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY.replace("nikhil", "Not A Partner")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(Refusal.INVALID_DETAIL))
                    .andExpect(jsonPath("$.errors[0].field").value("partner"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be a partner id such as nitin"));
        }

        @Test
        void aSeverityThatIsNoneIsNamedBeforeTheService() throws Exception {
            mvc.perform(post("/api/alerts/test")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY.replace("CRITICAL", "LOUD")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("severity"));
            verifyNoInteractions(alerts);
        }

        @Test
        void anOverlongPartnerIsRefusedByItsBound() throws Exception {
            mvc.perform(post("/api/alerts/test")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY.replace("nikhil", "n".repeat(101))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("partner"));
            verifyNoInteractions(alerts);
        }

        @Test
        void aBodyMustBeJson() throws Exception {
            mvc.perform(post("/api/alerts/test")
                            .with(Tokens.omar())
                            .contentType(MediaType.TEXT_PLAIN)
                            .content(BODY))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(alerts);
        }

        @Test
        void nobodyRaisesOneWithoutAToken() throws Exception {
            mvc.perform(post("/api/alerts/test")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY))
                    .andExpect(status().isUnauthorized());
            verifyNoInteractions(alerts);
        }
    }
}
