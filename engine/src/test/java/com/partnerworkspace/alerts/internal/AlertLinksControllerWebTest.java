package com.partnerworkspace.alerts.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /api/alert-links/{token}}: public (the signed link is the authority), never cached, what the link is
 * about without using it, acknowledging through it, and its refusals: 410 for a used or expired link, 409 for a
 * closed alert, 400 for what is not a link of ours.
 */
@WebSlice(AlertLinksController.class)
class AlertLinksControllerWebTest {

    static final String TOKEN = "signed.link-token";
    static final Instant RAISED = Instant.parse("2030-01-01T11:00:00Z");
    static final Instant EXPIRES = Instant.parse("2030-01-02T11:00:00Z");
    static final AckLinks.Link LINK = new AckLinks.Link("a-1", 2, "sms", EXPIRES, "n-1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertService alerts;

    static AlertService.LinkedAlert linked(Alert.AlertState state, String acknowledgedBy) {
        Alert alert = new Alert(
                "a-1",
                "nikhil",
                "credential-expiring",
                "connection/c-1",
                Severity.CRITICAL,
                "Token of Main account expires in 2 hours",
                state,
                2,
                3,
                RAISED,
                RAISED,
                acknowledgedBy,
                acknowledgedBy == null ? null : RAISED.plusSeconds(300),
                null,
                null,
                null);
        return new AlertService.LinkedAlert(alert, LINK);
    }

    @Nested
    class Looking {

        @Test
        void anyoneWithTheLinkSeesWhatItIsAboutAndUntilWhenItWorks() throws Exception {
            when(alerts.byLink(TOKEN)).thenReturn(linked(Alert.AlertState.OPEN, null));

            mvc.perform(get("/api/alert-links/" + TOKEN))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(jsonPath("$.alertId").value("a-1"))
                    .andExpect(jsonPath("$.partner").value("nikhil"))
                    .andExpect(jsonPath("$.severity").value("CRITICAL"))
                    .andExpect(jsonPath("$.state").value("OPEN"))
                    .andExpect(jsonPath("$.level").value(2))
                    .andExpect(jsonPath("$.expiresAt").value("2030-01-02T11:00:00Z"))
                    .andExpect(jsonPath("$.resource").doesNotExist())
                    .andExpect(jsonPath("$.deliveries").doesNotExist());
        }

        @Test
        void aTokenOfSomeoneElseDoesNotGetInTheWay() throws Exception {
            when(alerts.byLink(TOKEN)).thenReturn(linked(Alert.AlertState.OPEN, null));

            mvc.perform(get("/api/alert-links/" + TOKEN).with(Tokens.mukesh()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.alertId").value("a-1"));
        }

        @Test
        void anExpiredLinkIsGone() throws Exception {
            when(alerts.byLink(TOKEN))
                    .thenThrow(Refusal.of(
                            HttpStatus.GONE, "alert-link-expired", "This acknowledgement link has expired."));

            mvc.perform(get("/api/alert-links/" + TOKEN))
                    .andExpect(status().isGone())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-link-expired"))
                    .andExpect(jsonPath("$.title").value("Gone"))
                    .andExpect(jsonPath("$.detail").value("This acknowledgement link has expired."));
        }

        @Test
        void whatIsNotALinkOfOursIsABadRequest() throws Exception {
            when(alerts.byLink("forged"))
                    .thenThrow(Refusal.of(
                            HttpStatus.BAD_REQUEST, "alert-link-invalid", "This is not a valid acknowledgement link."));

            mvc.perform(get("/api/alert-links/forged"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-link-invalid"));
        }

        @Test
        void aTokenLongerThanAnyLinkIsRefusedBeforeTheService() throws Exception {
            mvc.perform(get("/api/alert-links/" + "t".repeat(513)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("token"));
            verifyNoInteractions(alerts);
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void worksWithoutALoginAndPassesTheReason() throws Exception {
            when(alerts.acknowledgeByLink(TOKEN, "on my way"))
                    .thenReturn(linked(Alert.AlertState.ACKNOWLEDGED, "link:sms"));

            mvc.perform(post("/api/alert-links/" + TOKEN + "/ack")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"on my way\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                    .andExpect(jsonPath("$.acknowledgedBy").value("link:sms"))
                    .andExpect(jsonPath("$.acknowledgedAt").value("2030-01-01T11:05:00Z"));
            verify(alerts).acknowledgeByLink(TOKEN, "on my way");
        }

        @Test
        void aBodyIsOptional() throws Exception {
            when(alerts.acknowledgeByLink(eq(TOKEN), isNull()))
                    .thenReturn(linked(Alert.AlertState.ACKNOWLEDGED, "link:sms"));

            mvc.perform(post("/api/alert-links/" + TOKEN + "/ack")).andExpect(status().isOk());
            verify(alerts).acknowledgeByLink(eq(TOKEN), isNull());
        }

        @Test
        void aUsedLinkIsGone() throws Exception {
            when(alerts.acknowledgeByLink(eq(TOKEN), any()))
                    .thenThrow(Refusal.of(
                            HttpStatus.GONE, "alert-link-used", "This acknowledgement link was used already."));

            mvc.perform(post("/api/alert-links/" + TOKEN + "/ack"))
                    .andExpect(status().isGone())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-link-used"));
        }

        @Test
        void aClosedAlertIsAConflict() throws Exception {
            when(alerts.acknowledgeByLink(eq(TOKEN), any()))
                    .thenThrow(Refusal.of(HttpStatus.CONFLICT, "alert-closed", "The alert is resolved already."));

            mvc.perform(post("/api/alert-links/" + TOKEN + "/ack"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/alert-closed"))
                    .andExpect(jsonPath("$.detail").value("The alert is resolved already."));
        }

        @Test
        void aReasonLongerThanFiveHundredIsNamedBeforeTheLinkIsUsed() throws Exception {
            mvc.perform(post("/api/alert-links/" + TOKEN + "/ack")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"" + "r".repeat(501) + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
            verifyNoInteractions(alerts);
        }

        @Test
        void aMisspeltFieldIsNamed() throws Exception {
            mvc.perform(post("/api/alert-links/" + TOKEN + "/ack")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reasn\": \"x\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reasn"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
            verifyNoInteractions(alerts);
        }
    }
}
