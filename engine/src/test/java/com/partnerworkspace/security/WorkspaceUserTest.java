package com.partnerworkspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkspaceUserTest {

    @Nested
    class Partner {

        @Test
        void isTheGroupUnderPartners() {
            assertThat(WorkspaceUser.partnerOf(List.of("/approvers", "/partners/nikhil")))
                    .isEqualTo("nikhil");
        }

        @Test
        void ofATeammateIsTheirPartnersGroup() {
            assertThat(WorkspaceUser.partnerOf(List.of("/partners/nikhil/team")))
                    .isEqualTo("nikhil");
        }

        @Test
        void isAbsentOutsidePartnerGroups() {
            assertThat(WorkspaceUser.partnerOf(List.of("/operations", "/partnership")))
                    .isNull();
        }
    }

    @Test
    void readsKeycloakClaims() {
        var user = WorkspaceUser.fromClaims(Map.of(
                "preferred_username",
                "nikhil",
                "name",
                "Nikhil Sharma",
                "groups",
                List.of("/partners/nikhil"),
                "realm_access",
                Map.of("roles", List.of("partner", "offline_access", "default-roles-partner-workspace")),
                "acr",
                "mfa",
                "auth_time",
                1_790_000_000L));

        assertThat(user.username()).isEqualTo("nikhil");
        assertThat(user.displayName()).isEqualTo("Nikhil Sharma");
        assertThat(user.partner()).isEqualTo("nikhil");
        assertThat(user.roles()).containsExactly("partner");
        assertThat(user.acr()).isEqualTo("mfa");
        assertThat(user.authTime()).isEqualTo(Instant.ofEpochSecond(1_790_000_000L));
    }

    @Test
    void fallsBackToUsernameWithoutAName() {
        var user = WorkspaceUser.fromClaims(Map.of("preferred_username", "service-account-bot"));

        assertThat(user.displayName()).isEqualTo("service-account-bot");
        assertThat(user.roles()).isEmpty();
        assertThat(user.partner()).isNull();
    }
}
