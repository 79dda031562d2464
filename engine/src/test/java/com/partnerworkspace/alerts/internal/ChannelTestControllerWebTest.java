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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/alert-preferences/test}: the channels asked for (all when none), one result per channel
 * with its outcome and detail, the bounds of the request, and the service's refusals as problems.
 */
@WebSlice(ChannelTestController.class)
class ChannelTestControllerWebTest {

    static final Instant AT = Instant.parse("2030-01-01T12:00:00Z");
    static final List<DeliveryLog.Delivery> RESULTS = List.of(
            new DeliveryLog.Delivery(0, "email", "desk@nikhil.example", AT, "sent", null),
            new DeliveryLog.Delivery(0, "slack", "https://hooks.example/T1", AT, "failed", "HTTP 404 from the webhook"),
            new DeliveryLog.Delivery(0, "sms", "+919812345678", AT, "skipped", "no phone number"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertPreferencesService preferences;

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    @Nested
    class Testing {

        @Test
        void reportsWhatEachChannelDid() throws Exception {
            when(preferences.test(any(), isNull(), isNull())).thenReturn(RESULTS);

            mvc.perform(post("/api/alert-preferences/test").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.results.length()").value(3))
                    .andExpect(jsonPath("$.results[0].channel").value("email"))
                    .andExpect(jsonPath("$.results[0].recipient").value("desk@nikhil.example"))
                    .andExpect(jsonPath("$.results[0].outcome").value("sent"))
                    .andExpect(jsonPath("$.results[1].outcome").value("failed"))
                    .andExpect(jsonPath("$.results[1].detail").value("HTTP 404 from the webhook"))
                    .andExpect(jsonPath("$.results[2].outcome").value("skipped"))
                    .andExpect(jsonPath("$.results[0].level").doesNotExist())
                    .andExpect(jsonPath("$.results[0].at").doesNotExist());
            verify(preferences).test(named("nikhil"), isNull(), isNull());
        }

        @Test
        void onlyTheChannelsAskedForForThePartnerNamed() throws Exception {
            when(preferences.test(any(), eq("nikhil"), eq(List.of("email", "sms"))))
                    .thenReturn(List.of(RESULTS.get(0), RESULTS.get(2)));

            mvc.perform(post("/api/alert-preferences/test?partner=nikhil")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channels\": [\"email\", \"sms\"]}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results[1].channel").value("sms"));
            verify(preferences).test(named("omar"), eq("nikhil"), eq(List.of("email", "sms")));
        }

        @Test
        void aTeammateWithoutAGrantIsForbidden() throws Exception {
            when(preferences.test(any(), eq("nikhil"), any()))
                    .thenThrow(Refusal.of(
                            HttpStatus.FORBIDDEN, "not-your-partner", "You may not manage the alerts of nikhil."));

            mvc.perform(post("/api/alert-preferences/test?partner=nikhil").with(Tokens.arjun()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/not-your-partner"))
                    .andExpect(jsonPath("$.detail").value("You may not manage the alerts of nikhil."));
        }

        @Test
        void aChannelTheServiceDoesNotKnowIsNamed() throws Exception {
            when(preferences.test(any(), any(), eq(List.of("pigeon"))))
                    .thenThrow(Refusal.invalid("channels", "must be email, slack or sms"));

            mvc.perform(post("/api/alert-preferences/test")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channels\": [\"pigeon\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("channels"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be email, slack or sms"));
        }
    }

    @Nested
    class BadInput {

        @Test
        void moreThanThreeChannelsAreRefusedBeforeTheService() throws Exception {
            mvc.perform(post("/api/alert-preferences/test")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channels\": [\"email\", \"slack\", \"sms\", \"email\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("channels"));
            verifyNoInteractions(preferences);
        }

        @Test
        void anOverlongChannelNameIsRefusedBeforeTheService() throws Exception {
            mvc.perform(post("/api/alert-preferences/test")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channels\": [\"" + "e".repeat(65) + "\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("channels[0]"));
            verifyNoInteractions(preferences);
        }

        @Test
        void channelsMustBeAList() throws Exception {
            mvc.perform(post("/api/alert-preferences/test")
                            .with(Tokens.nikhil())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channels\": {\"email\": true}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("channels"));
            verifyNoInteractions(preferences);
        }
    }

    @Nested
    class Access {

        @Test
        void nobodyTestsWithoutAToken() throws Exception {
            mvc.perform(post("/api/alert-preferences/test"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(preferences);
        }

        @Test
        void readingIsNotTesting() throws Exception {
            mvc.perform(get("/api/alert-preferences/test").with(Tokens.nikhil()))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(preferences);
        }
    }
}
