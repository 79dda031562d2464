package com.partnerworkspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.RealServers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@EngineTest
class AuditTrailTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Test
    void anEditedRowIsNamedByVerify() {
        long id = record("audit.test-edited");
        assertThat(verify().get("ok").asBoolean()).isTrue();

        String original = db.sql("select details from audit_entry where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        db.sql("update audit_entry set details = :details where id = :id")
                .param("details", "{\"note\":\"nothing happened here\"}")
                .param("id", id)
                .update();
        try {
            JsonNode broken = verify();
            assertThat(broken.get("ok").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(id);
        } finally {
            db.sql("update audit_entry set details = :details where id = :id")
                    .param("details", original)
                    .param("id", id)
                    .update();
        }
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void entriesChainAndVerifyCountsThem() {
        long first = record("audit.test-first");
        long second = record("audit.test-second");

        assertThat(second).isEqualTo(first + 1);
        String firstHash = db.sql("select hash from audit_entry where id = :id")
                .param("id", first)
                .query(String.class)
                .single();
        String link = db.sql("select prev_hash from audit_entry where id = :id")
                .param("id", second)
                .query(String.class)
                .single();
        assertThat(link).isEqualTo(firstHash);
        JsonNode verified = verify();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("entries").asLong()).isGreaterThanOrEqualTo(second);
    }

    @Test
    void partnersSeeTheirOwnEntriesOpsSeeAll() {
        record("audit.test-visibility");
        String token = RealServers.keycloak().accessToken("mukesh");

        JsonNode mukesh =
                Api.get("/api/audit?action=audit.test-visibility", token).json();
        JsonNode omar = Api.get(
                        "/api/audit?action=audit.test-visibility",
                        RealServers.keycloak().accessToken("omar"))
                .json();

        assertThat(mukesh.get("total").asLong()).isZero();
        assertThat(omar.get("total").asLong()).isPositive();
        assertThat(omar.get("entries").get(0).get("details").get("note").asText())
                .isEqualTo("a test entry");
        assertThat(Api.get("/api/audit?size=1000", token).status()).isEqualTo(400);
    }

    private long record(String action) {
        transactions.executeWithoutResult(status -> events.publishEvent(
                new AuditEvent("tester", "nikhil", action, "test/1", Map.of("note", "a test entry"))));
        return db.sql("select max(id) from audit_entry where action = :action")
                .param("action", action)
                .query(Long.class)
                .single();
    }

    private static JsonNode verify() {
        return Api.get("/api/audit/verify", RealServers.keycloak().accessToken("nikhil"))
                .json();
    }
}
