package com.partnerworkspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.audit.internal.AuditTrailHashes;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.RealServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@EngineTest
class AuditTrailTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactionManager;

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

    /**
     * An attacker rewrites the last entry and stores a matching hash: no later entry links to it, but the
     * chain's head still carries the true hash. The head stays locked meanwhile, so no append follows.
     */
    @Test
    void aRewrittenLastEntryWithAMatchingHashIsNamedByVerify() {
        record("audit.test-rewritten-tail");
        TransactionTemplate separately = new TransactionTemplate(transactionManager);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(holdingTheHead -> {
            long last = db.sql("select last_id from audit_head where id = 1 for update")
                    .query(Long.class)
                    .single();
            String details = column("details", last);
            String hash = column("hash", last);
            String forged = "{\"note\":\"rewritten with a matching hash\"}";
            separately.executeWithoutResult(status -> rewrite(last, forged, AuditTrailHashes.of(db, last, forged)));
            try {
                JsonNode broken = verify();
                assertThat(broken.get("ok").asBoolean()).as(broken.toString()).isFalse();
                assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(last);
            } finally {
                separately.executeWithoutResult(status -> rewrite(last, details, hash));
            }
        });
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    private String column(String name, long id) {
        return db.sql("select " + name + " from audit_entry where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private void rewrite(long id, String details, String hash) {
        db.sql("update audit_entry set details = :details, hash = :hash where id = :id")
                .param("details", details)
                .param("hash", hash)
                .param("id", id)
                .update();
    }

    /**
     * Four threads append entries through the real path (an event published in a transaction) while
     * the trail is verified again and again: every answer is ok, none reports a break that is not there.
     */
    @Test
    void verificationDuringConcurrentAppendsNeverReportsABreak() throws Exception {
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicInteger appended = new AtomicInteger();
        ExecutorService appenders = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            running.add(appenders.submit(() -> {
                while (appending.get()) {
                    record("audit.test-concurrent");
                    appended.incrementAndGet();
                }
            }));
        }
        List<String> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                JsonNode answer = verify();
                if (!answer.get("ok").asBoolean()) {
                    answers.add(answer.toString());
                }
            }
        } finally {
            appending.set(false);
            appenders.shutdown();
            assertThat(appenders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> appender : running) {
            appender.get(); // an append that failed fails the test
        }
        assertThat(appended.get()).as("entries appended while verifying").isGreaterThan(40);
        assertThat(answers).as("verifications that reported a break").isEmpty();
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void onlyPartnersAndOpsMayVerify(KeycloakServer keycloak) {
        for (String person : List.of("nikhil", "omar")) {
            assertThat(Api.get("/api/audit/verify", keycloak.accessToken(person))
                            .status())
                    .as(person)
                    .isEqualTo(200);
        }
        List<String> refused = List.of("arjun", "priya");
        for (String person : refused) {
            Api.Response answer = Api.get("/api/audit/verify", keycloak.accessToken(person));
            assertThat(answer.status()).as(person).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        String bot = keycloak.clientCredentialsToken("workspace-engine", "workspace-engine-secret");
        assertThat(Api.get("/api/audit/verify", bot).status()).as("a bot").isEqualTo(403);
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
