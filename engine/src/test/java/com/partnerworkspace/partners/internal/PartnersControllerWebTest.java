package com.partnerworkspace.partners.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.partners.internal.PartnerOnboarding.Onboarding;
import com.partnerworkspace.partners.internal.PartnerOnboarding.Partner;
import com.partnerworkspace.partners.internal.PartnerOnboarding.State;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /api/partners} through the real web security and Bean Validation: ops only (a partner's 403 comes
 * before the body is read), 202 with the invitation, every bad field named in one 400, a 409 from the service
 * as problem+json naming the field. The services are stand-ins.
 */
@WebSlice(PartnersController.class)
class PartnersControllerWebTest {

    private static final String RAVI = """
            {"id":"ravi","displayName":"Ravi Kumar","email":"ravi@example.com",
             "traits":{"tradingStyle":"intraday","latencySensitivity":"high","brokerCount":1,"teamSize":1,
                       "preferredChannels":"email,sms","experience":"new"}}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Invitations invitations;

    @MockitoBean
    PartnerOnboarding onboarding;

    @MockitoBean
    TeamInvitations team;

    @Nested
    class Add {

        @Test
        void opsGet202WithTheInvitation() throws Exception {
            when(invitations.invite(any(), any())).thenReturn(new Invitations.Started("ravi", "pi-1"));

            mvc.perform(post("/api/partners")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(RAVI))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.id").value("ravi"))
                    .andExpect(jsonPath("$.invitation").value("pi-1"));
            verify(invitations)
                    .invite(
                            any(),
                            eq(new NewPartner(
                                    "ravi",
                                    "Ravi Kumar",
                                    "ravi@example.com",
                                    new PersonaTraits("intraday", "high", 1, 1, "email,sms", "new"))));
        }

        @Test
        void aPartnerOrAnApproverIs403EvenWithAnEmptyBody() throws Exception {
            for (var token : List.of(Tokens.nikhil(), Tokens.priya(), Tokens.arjun())) {
                mvc.perform(post("/api/partners")
                                .with(token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            }
            verifyNoInteractions(invitations);
        }

        @Test
        void withoutATokenItIs401() throws Exception {
            mvc.perform(post("/api/partners")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(RAVI))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void everyBadFieldIsNamedInOne400AndNothingStarts() throws Exception {
            mvc.perform(post("/api/partners")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"id":"Ravi K","displayName":"","email":"no-at-sign",
                                     "traits":{"tradingStyle":"scalping","latencySensitivity":"high","brokerCount":-1,
                                               "teamSize":1,"preferredChannels":"email,pager","experience":"new"}}"""))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'id')]").exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'traits.tradingStyle')]")
                            .exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'traits.brokerCount')]")
                            .exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'traits.preferredChannels')]")
                            .exists());
            verifyNoInteractions(invitations);
        }

        @Test
        void missingTraitsAndUnknownFieldsAre400() throws Exception {
            mvc.perform(post("/api/partners")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"id\":\"ravi\",\"displayName\":\"Ravi\",\"email\":\"ravi@example.com\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'traits')]").exists());
            mvc.perform(post("/api/partners")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(RAVI.replace("\"id\"", "\"admin\":true,\"id\"")))
                    .andExpect(status().isBadRequest());
            verifyNoInteractions(invitations);
        }

        @Test
        void aTakenIdIsA409ProblemNamingTheField() throws Exception {
            when(invitations.invite(any(), any()))
                    .thenThrow(
                            Refusal.of(HttpStatus.CONFLICT, "partner-exists", "A partner or user with this id exists.")
                                    .with("errors", List.of(Map.of("field", "id", "message", "is taken"))));

            mvc.perform(post("/api/partners")
                            .with(Tokens.omar())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(RAVI))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/partner-exists"))
                    .andExpect(jsonPath("$.errors[0].field").value("id"));
        }
    }

    @Nested
    class List_ {

        @Test
        void opsSeeEachPartnerWithItsOnboarding() throws Exception {
            Instant invited = Instant.parse("2030-03-04T09:00:00Z");
            when(onboarding.all())
                    .thenReturn(List.of(new Partner(
                            "ravi",
                            "Ravi Kumar",
                            "ravi@example.com",
                            Map.of("tradingStyle", "intraday"),
                            new Onboarding(State.ACTIVE, invited, invited.plusSeconds(720), 12L))));

            mvc.perform(get("/api/partners").with(Tokens.omar()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].id").value("ravi"))
                    .andExpect(jsonPath("$[0].traits.tradingStyle").value("intraday"))
                    .andExpect(jsonPath("$[0].onboarding.state").value("ACTIVE"))
                    .andExpect(jsonPath("$[0].onboarding.invitedAt").value("2030-03-04T09:00:00Z"))
                    .andExpect(jsonPath("$[0].onboarding.firstActiveAt").value("2030-03-04T09:12:00Z"))
                    .andExpect(jsonPath("$[0].onboarding.minutesToOnboard").value(12));
        }

        @Test
        void nobodyElseSeesThem() throws Exception {
            mvc.perform(get("/api/partners").with(Tokens.nikhil()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            mvc.perform(get("/api/partners").with(Tokens.priya())).andExpect(status().isForbidden());
            verifyNoInteractions(onboarding);
        }
    }
}
