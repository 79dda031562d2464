package com.partnerworkspace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/audit} and {@code /api/audit/verify}: who sees which entries, paging bounds, the shape. */
@WebSlice(AuditController.class)
class AuditControllerWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail trail;

    @MockitoBean
    ChainVerifications verifications;

    static final AuditTrail.AuditEntry ENTRY = new AuditTrail.AuditEntry(
            7,
            Instant.parse("2030-01-02T03:04:05Z"),
            "nikhil",
            "nikhil",
            "credential.revealed",
            "connection/c-1",
            "{\"reason\":\"night desk\"}",
            "a".repeat(64),
            "b".repeat(64));

    AuditQuery queryAsked() {
        ArgumentCaptor<AuditQuery> query = ArgumentCaptor.forClass(AuditQuery.class);
        verify(trail).page(query.capture());
        return query.getValue();
    }

    @Nested
    class TheTrail {

        @Test
        void answersAPageWithDetailsAsJson() throws Exception {
            when(trail.page(any())).thenReturn(List.of(ENTRY));
            when(trail.count(any())).thenReturn(1L);

            mvc.perform(get("/api/audit?page=0&size=10").with(Tokens.nikhil()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.size").value(10))
                    .andExpect(jsonPath("$.entries[0].id").value(7))
                    .andExpect(jsonPath("$.entries[0].at").value("2030-01-02T03:04:05Z"))
                    .andExpect(jsonPath("$.entries[0].details.reason").value("night desk"))
                    .andExpect(jsonPath("$.entries[0].hash").value("b".repeat(64)));
        }

        @Test
        void aPartnerSeesItsOwnPartnersEntries() throws Exception {
            mvc.perform(get("/api/audit").with(Tokens.nikhil())).andExpect(status().isOk());

            assertThat(queryAsked().onlyPartner()).isEqualTo("nikhil");
            assertThat(queryAsked().onlyActor()).isNull();
        }

        @Test
        void opsSeeEveryEntry() throws Exception {
            mvc.perform(get("/api/audit").with(Tokens.omar())).andExpect(status().isOk());

            assertThat(queryAsked().onlyPartner()).isNull();
            assertThat(queryAsked().onlyActor()).isNull();
        }

        @Test
        void everyoneElseSeesWhatTheyDidThemselves() throws Exception {
            mvc.perform(get("/api/audit").with(Tokens.priya())).andExpect(status().isOk());

            assertThat(queryAsked().onlyPartner()).isNull();
            assertThat(queryAsked().onlyActor()).isEqualTo("priya");
        }

        @Test
        void aPageLargerThanTwoHundredIsRefusedNamingTheParameter() throws Exception {
            mvc.perform(get("/api/audit?size=201").with(Tokens.nikhil()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
            verifyNoInteractions(trail);
        }

        @Test
        void aTimeThatIsNotATimeIsRefused() throws Exception {
            mvc.perform(get("/api/audit?from=yesterday").with(Tokens.nikhil()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/bad-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("from"));
        }

        @Test
        void nobodyReadsItWithoutAToken() throws Exception {
            mvc.perform(get("/api/audit"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            verifyNoInteractions(trail);
        }
    }

    @Nested
    class Verifying {

        @Test
        void partnersAndOpsVerifyTheChain() throws Exception {
            Instant at = Instant.parse("2030-01-02T03:04:05Z");
            when(verifications.latest())
                    .thenReturn(new ChainVerifications.Verified(new AuditTrail.Verification(false, 41, 42L), at));

            for (var token : List.of(Tokens.nikhil(), Tokens.omar())) {
                mvc.perform(get("/api/audit/verify").with(token))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.ok").value(false))
                        .andExpect(jsonPath("$.entries").value(41))
                        .andExpect(jsonPath("$.firstBrokenId").value(42))
                        .andExpect(jsonPath("$.verifiedAt").value("2030-01-02T03:04:05Z"));
            }
        }

        @Test
        void approversTeammatesAndBotsMayNot() throws Exception {
            for (var token : List.of(Tokens.priya(), Tokens.arjun(), Tokens.bot())) {
                mvc.perform(get("/api/audit/verify").with(token))
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            }
            verifyNoInteractions(verifications);
        }
    }
}
