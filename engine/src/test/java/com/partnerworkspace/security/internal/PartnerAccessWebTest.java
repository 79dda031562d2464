package com.partnerworkspace.security.internal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.testsupport.ApiProbeController;
import com.partnerworkspace.testsupport.SliceGrants;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The matrix of {@link PartnerAccess} through the real web security: owner, ops, delegate with and
 * without the scope, a delegation limited to one connection, and fresh versus stale MFA. No engine, no
 * Keycloak: tokens come from {@code jwt()}.
 */
@WebSlice(ApiProbeController.class)
class PartnerAccessWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceGrants grants;

    /** Arjun may read nikhil's orders, and reveal the credential of nikhil's connection c-1 only. */
    @BeforeEach
    void arjunsDelegations() {
        grants.give("arjun", "nikhil", "orders:read");
        grants.give("arjun", "nikhil", "credentials:reveal", "c-1");
    }

    static JwtRequestPostProcessor user(String username, String role, String group) {
        return jwt().jwt(token -> token.claim("preferred_username", username)
                        .claim("realm_access", Map.of("roles", List.of(role)))
                        .claim("groups", group == null ? List.of() : List.of(group)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    static String actFor(String partner, String scope) {
        return "/api/probe/partners/" + partner + "/scopes/" + scope;
    }

    @Nested
    class ActingForAPartner {

        @Test
        void theOwnerMay() throws Exception {
            mvc.perform(get(actFor("nikhil", "orders:place")).with(user("nikhil", "partner", "/partners/nikhil")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value("OWNER"));
        }

        @Test
        void anotherPartnerMayNot() throws Exception {
            mvc.perform(get(actFor("raja", "orders:read")).with(user("nikhil", "partner", "/partners/nikhil")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/partner-access-denied"))
                    .andExpect(jsonPath("$.partner").value("raja"))
                    .andExpect(jsonPath("$.scope").value("orders:read"));
        }

        @Test
        void opsMay() throws Exception {
            mvc.perform(get(actFor("raja", "orders:read")).with(user("omar", "ops", null)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value("OPS"));
        }

        @Test
        void aDelegateMayWithTheScope() throws Exception {
            mvc.perform(get(actFor("nikhil", "orders:read")).with(user("arjun", "analyst", "/partners/nikhil/team")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value("DELEGATE"));
        }

        @Test
        void aTeammateMayNotWithoutTheScope() throws Exception {
            mvc.perform(get(actFor("nikhil", "orders:place")).with(user("arjun", "analyst", "/partners/nikhil/team")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void aDelegateMayNotActForAnotherPartner() throws Exception {
            mvc.perform(get(actFor("raja", "orders:read")).with(user("arjun", "analyst", "/partners/nikhil/team")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void anApproverMayNot() throws Exception {
            mvc.perform(get(actFor("nikhil", "orders:read")).with(user("priya", "approver", null)))
                    .andExpect(status().isForbidden());
        }

        @Test
        void nobodyMayWithoutAToken() throws Exception {
            mvc.perform(get(actFor("nikhil", "orders:read")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Nested
    class ActingOnOneConnection {

        static final JwtRequestPostProcessor ARJUN = user("arjun", "analyst", "/partners/nikhil/team");

        static String actOn(String partner, String connection, String scope) {
            return "/api/probe/partners/" + partner + "/connections/" + connection + "/scopes/" + scope;
        }

        @Test
        void aDelegationLimitedToTheConnectionCounts() throws Exception {
            mvc.perform(get(actOn("nikhil", "c-1", "credentials:reveal")).with(ARJUN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value("DELEGATE"));
        }

        @Test
        void itCountsForNoOtherConnection() throws Exception {
            mvc.perform(get(actOn("nikhil", "c-2", "credentials:reveal")).with(ARJUN))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.scope").value("credentials:reveal"));
        }

        @Test
        void itCountsNotForThePartnerAsAWhole() throws Exception {
            mvc.perform(get(actFor("nikhil", "credentials:reveal")).with(ARJUN)).andExpect(status().isForbidden());
        }

        @Test
        void aDelegationForThePartnerCountsOnEveryConnection() throws Exception {
            mvc.perform(get(actOn("nikhil", "c-2", "orders:read")).with(ARJUN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value("DELEGATE"));
        }

        @Test
        void theOwnerActsOnEveryConnection() throws Exception {
            mvc.perform(get(actOn("nikhil", "c-2", "credentials:reveal"))
                            .with(user("nikhil", "partner", "/partners/nikhil")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value("OWNER"));
        }
    }

    @Nested
    class FreshMfa {

        static final String FRESH_MFA = "/api/probe/fresh-mfa?maxAgeSeconds=120";

        JwtRequestPostProcessor login(String acr, Instant authTime) {
            return jwt().jwt(token -> {
                token.claim("preferred_username", "nikhil").claim("acr", acr);
                if (authTime != null) {
                    token.claim("auth_time", authTime.getEpochSecond());
                }
            });
        }

        @Test
        void aRecentStepUpIsFresh() throws Exception {
            mvc.perform(get(FRESH_MFA).with(login("mfa", Instant.now().minusSeconds(30))))
                    .andExpect(status().isOk());
        }

        @Test
        void aPasswordLoginAsksForTheStepUp() throws Exception {
            mvc.perform(get(FRESH_MFA).with(login("password", Instant.now())))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string(
                                    "WWW-Authenticate",
                                    allOf(
                                            containsString("error=\"insufficient_user_authentication\""),
                                            containsString("acr_values=\"mfa\""),
                                            containsString("max_age=120"))))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/mfa-step-up-required"))
                    .andExpect(jsonPath("$.maxAge").value(120))
                    .andExpect(jsonPath("$.guide").value("/diagnostics/guides/mfa-problems#step-up-refused"));
        }

        @Test
        void anOldStepUpIsStale() throws Exception {
            mvc.perform(get(FRESH_MFA).with(login("mfa", Instant.now().minusSeconds(600))))
                    .andExpect(status().isForbidden());
        }

        @Test
        void aStepUpWithoutAuthTimeIsNotTrusted() throws Exception {
            mvc.perform(get(FRESH_MFA).with(login("mfa", null))).andExpect(status().isForbidden());
        }
    }
}
