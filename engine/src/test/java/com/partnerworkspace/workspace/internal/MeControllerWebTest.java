package com.partnerworkspace.workspace.internal;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.testsupport.SliceGrants;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/me}: the caller as the token says, and the scopes delegated to them right now. */
@WebSlice(MeController.class)
class MeControllerWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceGrants grants;

    @Test
    void aPartnerReadsTheirNamePartnerRolesAndLogin() throws Exception {
        mvc.perform(get("/api/me").with(Tokens.nikhil()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("nikhil"))
                .andExpect(jsonPath("$.displayName").value("nikhil"))
                .andExpect(jsonPath("$.partner").value("nikhil"))
                .andExpect(jsonPath("$.roles", contains("partner")))
                .andExpect(jsonPath("$.acr").value("password"))
                .andExpect(jsonPath("$.authTime").doesNotExist())
                .andExpect(jsonPath("$.delegations").isEmpty());
    }

    @Test
    void aStepUpShowsAsMfaWithItsTime() throws Exception {
        mvc.perform(get("/api/me")
                        .with(Tokens.token(
                                "nikhil",
                                List.of("partner"),
                                List.of("/partners/nikhil"),
                                Instant.ofEpochSecond(1_900_000_000))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acr").value("mfa"))
                .andExpect(jsonPath("$.authTime").value("2030-03-17T17:46:40Z"));
    }

    @Test
    void aTeammateSeesTheScopesDelegatedToThem() throws Exception {
        grants.give("arjun", "nikhil", "credentials:reveal", "c-1");

        mvc.perform(get("/api/me").with(Tokens.arjun()))
                .andExpect(status().isOk())
                // A teammate belongs to the partner's workspace, yet acts for it only through grants.
                .andExpect(jsonPath("$.partner").value("nikhil"))
                .andExpect(jsonPath("$.roles", contains("analyst")))
                .andExpect(jsonPath("$.delegations[0].partner").value("nikhil"))
                .andExpect(jsonPath("$.delegations[0].scope").value("credentials:reveal"))
                .andExpect(jsonPath("$.delegations[0].connection").value("c-1"))
                .andExpect(jsonPath("$.delegations[0].expiresAt").isNotEmpty());
    }

    @Test
    void opsHaveNoPartner() throws Exception {
        mvc.perform(get("/api/me").with(Tokens.omar()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partner").doesNotExist())
                .andExpect(jsonPath("$.roles", contains("ops")));
    }

    @Test
    void withoutATokenItIsAProblem() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/unauthenticated"));
    }
}
