package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.audit.AuditEntries;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.DailyWindow;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reveal's values leave only with its audit entry, and a reveal that read nothing writes none. */
@EngineTest
class RevealAuditTest {

    @Autowired
    ConnectionService connections;

    @Autowired
    AuditEntries audit;

    @Autowired
    VaultSecrets vault;

    @Autowired
    RevealHours revealHours;

    private DailyWindow usual;
    private final Instant started = Instant.now();
    private final WorkspaceUser nitin = new WorkspaceUser("nitin", "Nitin", "nitin", Set.of("partner"), "mfa", started);

    /** Within the allowed hours, so no policy-violation alert rides along. */
    @BeforeEach
    void allowRevealsNow() {
        usual = revealHours.window();
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        revealHours.use(new DailyWindow(now.minusHours(1), now.plusHours(1), ZoneOffset.UTC));
    }

    @AfterEach
    void restoreHours() {
        revealHours.use(usual);
    }

    @Test
    void aRevealHandsOutTheValuesWithOneEntry() {
        String id = connected();

        Map<String, String> values = connections.reveal(nitin, id);

        assertThat(values).containsOnlyKeys("apiKey", "apiSecret", "accessToken");
        assertThat(revealEntries(id)).isEqualTo(1);
    }

    @Test
    void aRevealWhoseVaultReadFailsWritesNoEntry() {
        String id = connected();
        vault.destroy(new SecretPath("nitin", "connection-" + id));

        assertThatThrownBy(() -> connections.reveal(nitin, id))
                .isInstanceOf(VaultSecrets.SecretNotFoundException.class);
        assertThat(revealEntries(id)).isZero();
    }

    private static String connected() {
        return Connections.connectedOk("nitin", "Reveal audit " + UUID.randomUUID())
                .get("id")
                .asText();
    }

    private long revealEntries(String connectionId) {
        return audit.recentBy("nitin", started, 1000).stream()
                .filter(entry -> entry.action().equals("credential.revealed"))
                .filter(entry -> entry.target().equals("connection/" + connectionId))
                .count();
    }
}
