package com.partnerworkspace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain on the real schema: appends link each entry to the one before, an entry commits or rolls
 * back with the act that caused it, and a rewritten or deleted entry is found. Runs outside a test
 * transaction, since entries are appended just before their transaction commits.
 */
@RepositorySlice
@Import(AuditTrail.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditTrailRepositoryTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient db;

    @Autowired
    SliceClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void anEmptyChain() {
        clock.reset();
        db.sql("delete from audit_entry").update();
        db.sql("update audit_head set last_id = 0, last_hash = :genesis where id = 1")
                .param("genesis", AuditTrail.GENESIS_HASH)
                .update();
    }

    static AuditEvent event(String actor, String partner, String action) {
        return new AuditEvent(actor, partner, action, "connection/c-1", Map.of("b", 2, "a", "one"));
    }

    static AuditQuery query(String onlyPartner, String onlyActor, String action) {
        return new AuditQuery(onlyPartner, onlyActor, action, null, null, null, 0, 50);
    }

    @Test
    void eachEntryIsChainedToTheOneBefore() {
        trail.record(event("nikhil", "nikhil", "credential.revealed"));
        clock.advance(Duration.ofSeconds(1));
        trail.record(event("omar", "mukesh", "credential.rotated"));

        List<AuditTrail.AuditEntry> entries = trail.page(query(null, null, null));

        assertThat(entries).extracting(AuditTrail.AuditEntry::id).containsExactly(2L, 1L);
        assertThat(entries.get(1).prevHash()).isEqualTo(AuditTrail.GENESIS_HASH);
        assertThat(entries.get(0).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries.get(1).at()).isEqualTo(SliceClock.START);
        assertThat(entries.get(1).details()).isEqualTo("{\"a\":\"one\",\"b\":2}");
        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(true, 2, null));
    }

    @Test
    void anEntryRollsBackWithItsAct() {
        TransactionTemplate act = new TransactionTemplate(transactions);
        act.executeWithoutResult(status -> {
            trail.record(event("nikhil", "nikhil", "credential.revealed"));
            status.setRollbackOnly();
        });
        act.executeWithoutResult(status -> trail.record(event("nikhil", "nikhil", "credential.rotated")));

        assertThat(trail.page(query(null, null, null)))
                .extracting(AuditTrail.AuditEntry::action)
                .containsExactly("credential.rotated");
        assertThat(trail.verify().ok()).isTrue();
    }

    /**
     * Two engines append to one chain, each linking to what the other appended last. An engine that remembered
     * the head it moved the chain to, instead of reading it, would fork the chain here (tried: a duplicate id).
     */
    @Test
    void anAppendAfterAnotherEnginesLinksToItsEntry() {
        AuditTrail otherEngine = new AuditTrail(db, json, transactions, clock);
        trail.record(event("nikhil", "nikhil", "a.one"));
        otherEngine.record(event("mukesh", "mukesh", "a.two"));
        trail.record(event("nikhil", "nikhil", "a.three"));
        otherEngine.record(event("mukesh", "mukesh", "a.four"));

        List<AuditTrail.AuditEntry> entries = trail.page(query(null, null, null));

        assertThat(entries)
                .extracting(AuditTrail.AuditEntry::action)
                .containsExactly("a.four", "a.three", "a.two", "a.one");
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(2).hash());
        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(true, 4, null));
    }

    /** Two engines, two threads each: every append lands, in one unbroken chain. */
    @Test
    void concurrentAppendsFromTwoEnginesMakeOneChain() throws Exception {
        AuditTrail otherEngine = new AuditTrail(db, json, transactions, clock);
        TransactionTemplate act = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (AuditTrail engine : List.of(trail, otherEngine, trail, otherEngine)) {
                appenders.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        act.executeWithoutResult(status -> engine.record(event("nikhil", "nikhil", "a.concurrent")));
                    }
                }));
            }
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(true, 200, null));
    }

    @Test
    void aRewrittenEntryIsNamed() {
        trail.record(event("nikhil", "nikhil", "a.one"));
        trail.record(event("nikhil", "nikhil", "a.two"));
        trail.record(event("nikhil", "nikhil", "a.three"));
        db.sql("update audit_entry set actor = 'mallory' where id = 2").update();

        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(false, 1, 2L));
    }

    @Test
    void aDeletedTailIsFound() {
        trail.record(event("nikhil", "nikhil", "a.one"));
        trail.record(event("nikhil", "nikhil", "a.two"));
        db.sql("delete from audit_entry where id = 2").update();

        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(false, 1, 2L));
    }

    @Test
    void pagesAndCountsKeepToWhatTheCallerMaySee() {
        trail.record(event("nikhil", "nikhil", "credential.revealed"));
        trail.record(event("arjun", "nikhil", "credential.revealed"));
        trail.record(event("mukesh", "mukesh", "credential.revealed"));
        trail.record(event("priya", null, "delegation.approved"));

        assertThat(trail.page(query("nikhil", null, null)))
                .extracting(AuditTrail.AuditEntry::actor)
                .containsExactly("arjun", "nikhil");
        assertThat(trail.count(query(null, "priya", null))).isEqualTo(1);
        assertThat(trail.count(query("nikhil", null, "delegation.approved"))).isZero();
        assertThat(trail.page(new AuditQuery(null, null, null, null, null, null, 1, 3)))
                .extracting(AuditTrail.AuditEntry::id)
                .containsExactly(1L);
    }

    @Test
    void aTimeWindowIsHalfOpen() {
        trail.record(event("nikhil", "nikhil", "a.one"));
        clock.advance(Duration.ofMinutes(1));
        trail.record(event("nikhil", "nikhil", "a.two"));

        AuditQuery firstMinute = new AuditQuery(
                null, null, null, null, SliceClock.START, SliceClock.START.plus(Duration.ofMinutes(1)), 0, 50);

        assertThat(trail.page(firstMinute))
                .extracting(AuditTrail.AuditEntry::action)
                .containsExactly("a.one");
    }
}
