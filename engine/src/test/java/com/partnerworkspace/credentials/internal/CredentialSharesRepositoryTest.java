package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notifier;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import com.partnerworkspace.vault.VaultWrapping;
import com.partnerworkspace.vault.VaultWrapping.SealedHandOver;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Share links on the real schema: a code mailed, one open, five wrong codes in the link's whole life,
 * links of a revoked connection ended. Vault, Keycloak and mail are outside the slice (mocks); what the
 * database holds and refuses is what this proves.
 */
@RepositorySlice
@Import({CredentialShares.class, ShareRequestValidator.class})
class CredentialSharesRepositoryTest {

    static final String LINK = "L".repeat(43);
    static final String SEALED = "vault:v1:sealed";

    @Autowired
    CredentialShares shares;

    @Autowired
    JdbcClient db;

    @Autowired
    SliceClock clock;

    @MockitoBean
    ConnectionService connections;

    @MockitoBean
    VaultWrapping wrapping;

    @MockitoBean
    KeycloakDirectory directory;

    @MockitoBean
    Notifier notifier;

    @MockitoBean
    PartnerAccess partnerAccess;

    @BeforeEach
    void aLinkOfAnActiveConnectionToAnOutsideAddress() {
        clock.reset();
        when(connections.now()).thenAnswer(call -> clock.instant());
        when(connections.get("c-1")).thenReturn(ConnectionsControllerWebTest.C1);
        when(wrapping.open(new SealedHandOver(SEALED))).thenReturn(Map.of("apiKey", "k"));
        db.sql("""
                        insert into broker_connection (id, partner, broker, label, state, masked_key, created_by, created_at)
                        values ('c-1', 'nikhil', 'broker-sim', 'Main account', 'ACTIVE', 'xxxx', 'nikhil', :now)""").param("now", at(Duration.ZERO)).update();
        db.sql("""
                        insert into credential_share (token_hash, connection_id, partner, outside_email, created_by,
                            expires_at, wrapped_token)
                        values (:hash, 'c-1', 'nikhil', 'auditor@example.com', 'nikhil', :expires, :sealed)""")
                .param("hash", BrokerLogins.hash(LINK))
                .param("expires", at(Duration.ofMinutes(30)))
                .param("sealed", SEALED)
                .update();
    }

    static OffsetDateTime at(Duration after) {
        return OffsetDateTime.ofInstant(SliceClock.START.plus(after), ZoneOffset.UTC);
    }

    /** Asks for a code and reads it from the mail sent. */
    String mailedCode() {
        CredentialShares.CodeSent sent = shares.sendCode(LINK);
        assertThat(sent.recipientHint()).isEqualTo("a***@example.com");
        ArgumentCaptor<Notification> mail = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).email(eq(List.of("auditor@example.com")), mail.capture());
        assertThat(mail.getValue().subject()).doesNotContainPattern("\\d{6}");
        Matcher code = Pattern.compile("\\d{6}").matcher(mail.getValue().text());
        assertThat(code.find()).isTrue();
        return code.group();
    }

    Map<String, Object> row() {
        return db.sql("select * from credential_share where token_hash = :hash")
                .param("hash", BrokerLogins.hash(LINK))
                .query()
                .singleRow();
    }

    @Test
    void theMailedCodeOpensTheLinkOnceAndOnlyItsHashIsKept() {
        String code = mailedCode();
        assertThat(row().get("code_hash")).isNotNull().isNotEqualTo(code);

        CredentialShares.SharedCredential opened = shares.open(LINK, code);

        assertThat(opened.values()).containsEntry("apiKey", "k");
        assertThat(row().get("opened_at")).isNotNull();
        assertThat(row().get("wrapped_token")).isNull();
        assertThatThrownBy(() -> shares.open(LINK, code)).hasMessageContaining("opened before");
    }

    @Test
    void fiveWrongCodesInAllBurnTheLink() {
        String code = mailedCode();
        for (int attempt = 1; attempt < CredentialShares.MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> shares.open(LINK, "000000")).hasMessage("The one-time code is not right.");
        }
        verify(wrapping, never()).burn(any());

        assertThatThrownBy(() -> shares.open(LINK, "000000")).hasMessageContaining("now used up");

        assertThat(row().get("attempts")).isEqualTo(5);
        assertThat(row().get("wrapped_token")).isNull();
        verify(wrapping).burn(new SealedHandOver(SEALED));
        assertThatThrownBy(() -> shares.open(LINK, code)).hasMessageContaining("opened before");
    }

    @Test
    void aCodeWorksTenMinutes() {
        String code = mailedCode();
        clock.advance(CredentialShares.CODE_LIFETIME.plusSeconds(1));

        assertThatThrownBy(() -> shares.open(LINK, code)).hasMessageContaining("Ask for a one-time code first");
    }

    @Test
    void anExpiredLinkIsGone() {
        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> shares.sendCode(LINK)).hasMessageContaining("expired");
    }

    @Test
    void aLinkOfARevokedConnectionStopsAtOnce() {
        db.sql("update broker_connection set state = 'REVOKED' where id = 'c-1'")
                .update();

        assertThatThrownBy(() -> shares.sendCode(LINK)).hasMessageContaining("expired or was ended");
    }

    @Test
    void endingTheConnectionsLinksEndsOnlyUnopenedOnesOnce() {
        String opened = "O".repeat(43);
        db.sql("""
                        insert into credential_share (token_hash, connection_id, partner, outside_email, created_by,
                            expires_at, opened_at)
                        values (:hash, 'c-1', 'nikhil', 'x@example.com', 'nikhil', :expires, :expires)""")
                .param("hash", BrokerLogins.hash(opened))
                .param("expires", at(Duration.ofMinutes(30)))
                .update();

        assertThat(shares.endOpenSharesOf("c-1")).isEqualTo(1);
        assertThat(shares.endOpenSharesOf("c-1")).isZero();
        verify(wrapping, times(1)).burn(new SealedHandOver(SEALED));
        assertThatThrownBy(() -> shares.sendCode(LINK)).hasMessageContaining("ended");
    }
}
