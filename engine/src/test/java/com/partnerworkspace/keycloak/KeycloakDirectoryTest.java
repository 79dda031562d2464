package com.partnerworkspace.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin API through the engine's service account, against the real Keycloak. */
@EngineTest
class KeycloakDirectoryTest {

    @Autowired
    KeycloakDirectory directory;

    @Test
    void aPartnersOwnUsersLeaveOutTheTeamAndOtherPartners() {
        assertThat(directory.ownUsersOf("nikhil"))
                .extracting(Person::username)
                .contains("nikhil")
                .doesNotContain("arjun", "mukesh");
    }
}
