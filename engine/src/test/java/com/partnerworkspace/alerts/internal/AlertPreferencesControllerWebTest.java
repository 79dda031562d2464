package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.validation.Errors;

/**
 * {@code /api/alert-preferences}: the view with the workspace's policy, who the partner is (the caller's own
 * unless named), and the body's validation: the annotations of {@link AlertPreferences} and the real {@link
 * AlertPreferencesRules} run in one binding, handed to the service, which answers one 400 naming every field.
 */
@WebSlice(AlertPreferencesController.class)
@Import(AlertsWebSliceSettings.class)
class AlertPreferencesControllerWebTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final AlertPreferences SAVED = new AlertPreferences(
            new AlertPreferences.Channels(List.of("desk@nikhil.example"), "", List.of("+919812345678"), ""),
            new AlertPreferences.Thresholds(24, 2, 5, 5),
            null,
            new AlertPreferences.EscalationDelays("PT2H", "PT30M", "PT5M"),
            List.of(new AlertPreferences.Silence(
                    "s-1", "login-failures", null, "pen test", Instant.parse("2030-01-03T00:00:00Z"))));
    static final AlertPreferencesService.Shown SHOWN = new AlertPreferencesService.Shown("nikhil", SAVED, true);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertPreferencesService preferences;

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    static Refusal notYourPartner(String partner) {
        return Refusal.of(
                HttpStatus.FORBIDDEN, "not-your-partner", "You may not manage the alerts of " + partner + ".");
    }

    @Nested
    class Reading {

        @Test
        void showsTheCallersOwnPartnersPreferencesWithThePolicy() throws Exception {
            when(preferences.get(any(), isNull())).thenReturn(SHOWN);

            mvc.perform(get("/api/alert-preferences").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.partner").value("nikhil"))
                    .andExpect(jsonPath("$.customised").value(true))
                    .andExpect(jsonPath("$.channels.emails[0]").value("desk@nikhil.example"))
                    .andExpect(jsonPath("$.channels.phones[0]").value("+919812345678"))
                    .andExpect(jsonPath("$.thresholds.credentialWarningHours").value(24))
                    .andExpect(jsonPath("$.escalationDelays.critical").value("PT5M"))
                    .andExpect(jsonPath("$.quietHours").doesNotExist())
                    .andExpect(jsonPath("$.mutes[0].id").value("s-1"))
                    .andExpect(jsonPath("$.mutes[0].until").value("2030-01-03T00:00:00Z"))
                    .andExpect(jsonPath("$.policy.criticalMuteLimit").value("PT4H"))
                    .andExpect(jsonPath("$.policy.escalationRepeats").value(1));
            verify(preferences).get(named("nikhil"), isNull());
        }

        @Test
        void opsNameThePartner() throws Exception {
            when(preferences.get(any(), eq("nikhil"))).thenReturn(SHOWN);

            mvc.perform(get("/api/alert-preferences?partner=nikhil").with(Tokens.omar()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.partner").value("nikhil"));
            verify(preferences).get(named("omar"), eq("nikhil"));
        }

        @Test
        void aPartnerTheCallerMayNotManageIsForbidden() throws Exception {
            when(preferences.get(any(), eq("nikhil"))).thenThrow(notYourPartner("nikhil"));

            for (var token : List.of(Tokens.mukesh(), Tokens.arjun(), Tokens.priya(), Tokens.bot())) {
                mvc.perform(get("/api/alert-preferences?partner=nikhil").with(token))
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                        .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/not-your-partner"))
                        .andExpect(jsonPath("$.detail").value("You may not manage the alerts of nikhil."));
            }
        }

        @Test
        void withoutAPartnerOfTheirOwnTheCallerMustNameOne() throws Exception {
            when(preferences.get(any(), isNull()))
                    .thenThrow(Refusal.invalid("partner", "is required for users without a partner of their own"));

            mvc.perform(get("/api/alert-preferences").with(Tokens.priya()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/bad-request"))
                    .andExpect(jsonPath("$.detail").value(Refusal.INVALID_DETAIL))
                    .andExpect(jsonPath("$.errors[0].field").value("partner"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("is required for users without a partner of their own"));
        }

        @Test
        void nobodyReadsThemWithoutAToken() throws Exception {
            mvc.perform(get("/api/alert-preferences"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(preferences);
        }
    }

    @Nested
    class Saving {

        /** Sensible preferences, as the UI sends what it read: with the read-only fields of GET. */
        ObjectNode body() {
            ObjectNode body = JSON.createObjectNode();
            body.put("partner", "nikhil").put("customised", false);
            ObjectNode channels = body.putObject("channels");
            channels.putArray("emails").add("desk@nikhil.example");
            channels.put("slackWebhookUrl", "https://hooks.example/T1");
            channels.putArray("phones").add("+919812345678");
            channels.put("backupContact", "");
            body.putObject("thresholds")
                    .put("credentialWarningHours", 24)
                    .put("credentialCriticalHours", 2)
                    .put("loginFailures", 5)
                    .put("loginFailureWindowMinutes", 5);
            body.putObject("quietHours").put("from", "22:00").put("to", "07:00").put("timeZone", "Asia/Kolkata");
            body.putObject("escalationDelays")
                    .put("info", "PT2H")
                    .put("warning", "PT30M")
                    .put("critical", "PT5M");
            body.putArray("mutes")
                    .addObject()
                    .put("alertType", "login-failures")
                    .put("reason", "pen test")
                    .put("until", Instant.now().plus(Duration.ofDays(2)).toString());
            body.putObject("policy").put("criticalMuteLimit", "PT1S");
            return body;
        }

        ObjectNode channels(ObjectNode body) {
            return (ObjectNode) body.get("channels");
        }

        /** As the service does once it knows who may act: the binding's field errors are one 400. */
        void theServiceRefusesWhatTheBindingFound() {
            when(preferences.put(any(), any(), any(), any())).thenAnswer(call -> {
                Errors errors = call.getArgument(3);
                if (errors.hasFieldErrors()) {
                    Map<String, String> byField = new LinkedHashMap<>();
                    errors.getFieldErrors()
                            .forEach(error -> byField.putIfAbsent(error.getField(), error.getDefaultMessage()));
                    throw Refusal.invalid(byField);
                }
                return SHOWN;
            });
        }

        ResultActions save(ObjectNode body) throws Exception {
            return mvc.perform(put("/api/alert-preferences")
                    .with(Tokens.nikhil())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body.toString()));
        }

        Errors bindingHandedOver() {
            ArgumentCaptor<Errors> errors = ArgumentCaptor.forClass(Errors.class);
            verify(preferences).put(named("nikhil"), isNull(), any(), errors.capture());
            return errors.getValue();
        }

        @Test
        void sensiblePreferencesReachTheServiceWholeAndCleanAndTheViewComesBack() throws Exception {
            theServiceRefusesWhatTheBindingFound();

            save(body())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.partner").value("nikhil"));

            assertThat(bindingHandedOver().hasErrors()).isFalse();
            ArgumentCaptor<AlertPreferences> saved = ArgumentCaptor.forClass(AlertPreferences.class);
            verify(preferences).put(any(), any(), saved.capture(), any());
            assertThat(saved.getValue().channels().slackWebhookUrl()).isEqualTo("https://hooks.example/T1");
            assertThat(saved.getValue().quietHours().timeZone()).isEqualTo("Asia/Kolkata");
            assertThat(saved.getValue().mutes()).singleElement().satisfies(silence -> {
                assertThat(silence.id()).isNull();
                assertThat(silence.reason()).isEqualTo("pen test");
            });
        }

        @Test
        void opsNameThePartner() throws Exception {
            when(preferences.put(any(), eq("nikhil"), any(), any())).thenReturn(SHOWN);

            mvc.perform(put("/api/alert-preferences?partner=nikhil")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body().toString()))
                    .andExpect(status().isOk());
            verify(preferences).put(named("omar"), eq("nikhil"), any(), any());
        }

        @Test
        void theAnnotationsNameEachFieldTheyRefuse() throws Exception {
            theServiceRefusesWhatTheBindingFound();
            ObjectNode body = body();
            channels(body).putArray("emails").add("not-an-email");
            channels(body).putArray("phones").add("0123");
            ((ObjectNode) body.get("thresholds")).put("loginFailures", 1);
            ((ObjectNode) body.get("quietHours")).put("from", "25:00");
            ((ObjectNode) body.get("mutes").get(0)).put("reason", " ");

            save(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(Refusal.INVALID_DETAIL))
                    .andExpect(jsonPath("$.errors[*].field")
                            .value(containsInAnyOrder(
                                    "channels.emails[0]",
                                    "channels.phones[0]",
                                    "thresholds.loginFailures",
                                    "quietHours.from",
                                    "mutes[0].reason")))
                    .andExpect(jsonPath("$.errors[?(@.field == 'thresholds.loginFailures')].message")
                            .value("must be between 2 and 100"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'mutes[0].reason')].message")
                            .value("is required: say why alerts are held back"));
        }

        @Test
        void theRulesNameEachFieldTheyRefuse() throws Exception {
            theServiceRefusesWhatTheBindingFound();
            ObjectNode body = body();
            channels(body).put("slackWebhookUrl", AlertsWebSliceSettings.INTERNAL_HOOK);
            ((ObjectNode) body.get("thresholds")).put("credentialCriticalHours", 24);
            ((ObjectNode) body.get("quietHours")).put("to", "22:00").put("timeZone", "Mars/Olympus");
            ((ObjectNode) body.get("escalationDelays")).put("warning", "PT10S").put("critical", "soon");
            ((ObjectNode) body.get("mutes").get(0)).remove("alertType");
            ((ObjectNode) body.get("mutes").get(0)).put("until", "2020-01-01T00:00:00Z");

            save(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field")
                            .value(containsInAnyOrder(
                                    "channels.slackWebhookUrl",
                                    "thresholds.credentialCriticalHours",
                                    "quietHours.to",
                                    "quietHours.timeZone",
                                    "escalationDelays.warning",
                                    "escalationDelays.critical",
                                    "mutes[0].alertType",
                                    "mutes[0].until")))
                    .andExpect(jsonPath("$.errors[?(@.field == 'channels.slackWebhookUrl')].message")
                            .value("must not point to an internal address"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'escalationDelays.warning')].message")
                            .value("must be between PT1M and P1D"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'mutes[0].until')].message")
                            .value("must be in the future"));
        }

        @Test
        void annotationsAndRulesAnswerInOneBindingEachFieldOnce() throws Exception {
            theServiceRefusesWhatTheBindingFound();
            ObjectNode body = body();
            ((ObjectNode) body.get("thresholds")).put("loginFailures", 500);
            ((ObjectNode) body.get("quietHours")).put("from", "7 pm").put("to", "7 pm");
            ((ObjectNode) body.get("escalationDelays")).put("info", "P2D");

            save(body).andExpect(status().isBadRequest());

            Errors binding = bindingHandedOver();
            assertThat(binding.getFieldErrors())
                    .extracting(error -> error.getField() + ": " + error.getDefaultMessage())
                    .containsExactlyInAnyOrder(
                            "thresholds.loginFailures: must be between 2 and 100",
                            "quietHours.from: must be a time of day such as 22:00",
                            "quietHours.to: must be a time of day such as 07:00",
                            "escalationDelays.info: must be between PT1M and P1D");
        }

        @Test
        void aMissingPartIsRequired() throws Exception {
            theServiceRefusesWhatTheBindingFound();
            ObjectNode body = body();
            body.remove("thresholds");

            save(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("thresholds"))
                    .andExpect(jsonPath("$.errors[0].message").value("is required"));
        }

        @Test
        void aMisspeltFieldIsNamedBeforeTheService() throws Exception {
            ObjectNode body = body();
            body.set("thresholdz", body.remove("thresholds"));

            save(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("thresholdz"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
            verifyNoInteractions(preferences);
        }

        @Test
        void aPartnerTheCallerMayNotManageIsForbiddenWithoutNamingFields() throws Exception {
            when(preferences.put(any(), eq("nikhil"), any(), any())).thenThrow(notYourPartner("nikhil"));
            ObjectNode body = body();
            ((ObjectNode) body.get("thresholds")).put("loginFailures", 1);

            mvc.perform(put("/api/alert-preferences?partner=nikhil")
                            .with(Tokens.mukesh())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body.toString()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/not-your-partner"))
                    .andExpect(jsonPath("$.errors").doesNotExist());
        }

        @Test
        void aBodyMustBeJson() throws Exception {
            mvc.perform(put("/api/alert-preferences")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.TEXT_PLAIN)
                            .content(body().toString()))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(preferences);
        }

        @Test
        void nobodySavesWithoutAToken() throws Exception {
            mvc.perform(put("/api/alert-preferences")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body().toString()))
                    .andExpect(status().isUnauthorized());
            verifyNoInteractions(preferences);
        }
    }

    @Nested
    class Resetting {

        @Test
        void answersTheDefaultsThePartnerFollowsAgain() throws Exception {
            when(preferences.reset(any(), eq("nikhil")))
                    .thenReturn(new AlertPreferencesService.Shown("nikhil", SAVED.withSilences(List.of()), false));

            mvc.perform(delete("/api/alert-preferences?partner=nikhil").with(Tokens.omar()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.customised").value(false))
                    .andExpect(jsonPath("$.mutes.length()").value(0));
            verify(preferences).reset(named("omar"), eq("nikhil"));
        }

        @Test
        void aPartnerTheCallerMayNotManageIsForbidden() throws Exception {
            when(preferences.reset(any(), eq("nikhil"))).thenThrow(notYourPartner("nikhil"));

            mvc.perform(delete("/api/alert-preferences?partner=nikhil").with(Tokens.arjun()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/not-your-partner"));
        }

        @Test
        void nobodyResetsWithoutAToken() throws Exception {
            mvc.perform(delete("/api/alert-preferences")).andExpect(status().isUnauthorized());
            verifyNoInteractions(preferences);
        }
    }
}
