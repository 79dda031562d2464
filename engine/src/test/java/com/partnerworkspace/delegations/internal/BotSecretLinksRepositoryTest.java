package com.partnerworkspace.delegations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultWrapping;
import com.partnerworkspace.vault.VaultWrapping.SealedHandOver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A bot's secret link on the real schema: the link id is never stored, only the person it was sent to
 * opens it, once, before it expires. Vault is outside the slice (mocks); who may act for the partner is
 * the real {@code PartnerAccess}.
 */
@RepositorySlice
@Import({BotSecretLinks.class, PartnerAccess.class})
@RecordApplicationEvents
class BotSecretLinksRepositoryTest {

    static final Delegation BOT = new Delegation(
            "d-1",
            "nikhil",
            "nikhil",
            null,
            "pricer",
            "bot-nikhil-pricer",
            List.of("orders:read"),
            null,
            Duration.ofHours(8),
            "pricing bot",
            DelegationState.ACTIVE,
            false,
            1,
            SliceClock.START,
            SliceClock.START,
            SliceClock.START.plus(Duration.ofHours(8)));

    @Autowired
    BotSecretLinks links;

    @Autowired
    JdbcClient db;

    @Autowired
    SliceClock clock;

    @Autowired
    ApplicationEvents events;

    @MockitoBean
    VaultSecrets secrets;

    @MockitoBean
    VaultWrapping wrapping;

    @BeforeEach
    void theBotsSecretInVault() {
        clock.reset();
        when(secrets.read(any()))
                .thenReturn(new VaultSecrets.VersionedSecret(
                        null, 1, Map.of("clientId", "bot-nikhil-pricer", "clientSecret", "s3cret")));
        when(wrapping.seal(any(), any())).thenReturn(new SealedHandOver("vault:v1:sealed"));
        when(wrapping.open(new SealedHandOver("vault:v1:sealed")))
                .thenReturn(Map.of("clientId", "bot-nikhil-pricer", "clientSecret", "s3cret"));
    }

    static WorkspaceUser partner(String username) {
        return new WorkspaceUser(username, username, username, Set.of("partner"), "password", null);
    }

    static String linkIdOf(URI link) {
        return link.getFragment();
    }

    @Test
    void theLinkIdIsNeitherStoredNorAudited() {
        URI link = links.create(BOT);

        assertThat(link.toString()).startsWith("http://localhost:8080/delegations/bot-secret#");
        String stored = db.sql("select id_hash || sent_to || wrapped_token from bot_secret_link")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(linkIdOf(link)).contains("nikhil");
        assertThat(events.stream(AuditEvent.class)).singleElement().satisfies(audit -> {
            assertThat(audit.action()).isEqualTo("delegation.bot-link-created");
            assertThat(audit.details().toString()).doesNotContain(linkIdOf(link));
        });
    }

    @Test
    void theRequesterOpensItOnce() {
        String id = linkIdOf(links.create(BOT));

        assertThat(links.open(partner("nikhil"), id))
                .isEqualTo(new BotSecretLinks.BotCredentials("bot-nikhil-pricer", "s3cret"));
        assertThat(db.sql("select wrapped_token from bot_secret_link")
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThatThrownBy(() -> links.open(partner("nikhil"), id)).hasMessageContaining("opened before");
    }

    @Test
    void anyoneElseIsRefusedAndTheLinkStaysGood() {
        String id = linkIdOf(links.create(BOT));

        assertThatThrownBy(() -> links.open(partner("mukesh"), id)).hasMessageContaining("sent to someone else");

        assertThat(events.stream(AuditEvent.class))
                .extracting(AuditEvent::action)
                .contains("delegation.bot-link-refused");
        assertThat(links.open(partner("nikhil"), id).clientSecret()).isEqualTo("s3cret");
    }

    @Test
    void itExpiresAfterItsLifetime() {
        String id = linkIdOf(links.create(BOT));
        clock.advance(Duration.ofHours(4));

        assertThatThrownBy(() -> links.open(partner("nikhil"), id)).hasMessageContaining("expired");
    }

    @Test
    void aMalformedIdOpensNothing() {
        links.create(BOT);

        assertThatThrownBy(() -> links.open(partner("nikhil"), "../../etc")).hasMessageContaining("expired");
    }
}
