package com.partnerworkspace.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.partnerworkspace.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends entries to the hash chain and checks the chain. */
@Component
class AuditTrail {

    static final String GENESIS_HASH = "0".repeat(64);
    private static final int VERIFY_BATCH = 1000;

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient db, ObjectMapper json, PlatformTransactionManager transactionManager, Clock clock) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    /**
     * In the publisher's transaction: the act and its entry commit (or roll back) together. The entry is
     * appended just before that transaction commits, so the chain's head row is locked only for the
     * commit itself, not for the rest of the act (a Keycloak call, an email): appends from concurrent
     * acts no longer queue behind each other's slow work. Without a transaction it is appended at once.
     */
    @EventListener
    public void record(AuditEvent event) {
        Pending pending = new Pending(event, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            appendBeforeCommit().add(pending);
        } else {
            transactions.executeWithoutResult(status -> append(pending));
        }
    }

    private record Pending(AuditEvent event, Instant at) {}

    /** This transaction's entries, appended in order by one synchronization just before it commits. */
    private List<Pending> appendBeforeCommit() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AppendBeforeCommit appending) {
                return appending.entries;
            }
        }
        AppendBeforeCommit appending = new AppendBeforeCommit();
        TransactionSynchronizationManager.registerSynchronization(appending);
        return appending.entries;
    }

    private final class AppendBeforeCommit implements TransactionSynchronization {
        private final List<Pending> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            for (int i = 0; i < entries.size(); i++) { // by index: an append may cause another audit event
                append(entries.get(i));
            }
        }
    }

    private void append(Pending pending) {
        AuditEvent event = pending.event();
        Head head = lockHead();
        AuditEntry entry = new AuditEntry(
                head.lastId() + 1,
                pending.at(),
                event.actor(),
                event.partner(),
                event.action(),
                event.target(),
                detailsJson(event),
                head.lastHash(),
                null);
        String hash = hashOf(entry);
        db.sql("""
                        insert into audit_entry (id, at, actor, partner, action, target, details, prev_hash, hash)
                        values (:id, :at, :actor, :partner, :action, :target, :details, :prevHash, :hash)""")
                .param("id", entry.id())
                .param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("partner", entry.partner())
                .param("action", entry.action())
                .param("target", entry.target())
                .param("details", entry.details())
                .param("prevHash", entry.prevHash())
                .param("hash", hash)
                .update();
        db.sql("update audit_head set last_id = :id, last_hash = :hash where id = 1")
                .param("id", entry.id())
                .param("hash", hash)
                .update();
    }

    /**
     * Locks the head row until commit by writing it, then reads it. Not {@code select ... for update}: H2
     * never caches such a query and parsed it anew on every append, a quarter of a reveal's CPU.
     */
    private Head lockHead() {
        db.sql("update audit_head set last_id = last_id where id = 1").update();
        return db.sql("select last_id, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /**
     * Walks the chain from the start up to its head as committed when the walk begins, in batches; the
     * first entry whose link or content does not match is named. The head is read first: every entry up to
     * it committed with or before it (append updates both in one transaction), so the walk sees them all in
     * any isolation level, while entries appended during the walk lie beyond the head and are left for the
     * next one instead of looking like a break. A deleted or rewritten tail no longer meets the head.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Head head = db.sql("select last_id, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        String expectedPrevious = GENESIS_HASH;
        long expectedId = 1;
        List<AuditEntry> batch;
        do {
            batch = db.sql("select * from audit_entry where id >= :from and id <= :head order by id limit :limit")
                    .param("from", expectedId)
                    .param("head", head.lastId())
                    .param("limit", VERIFY_BATCH)
                    .query(AuditTrail::entry)
                    .list();
            for (AuditEntry entry : batch) {
                if (entry.id() != expectedId
                        || !entry.prevHash().equals(expectedPrevious)
                        || !hashOf(entry).equals(entry.hash())) {
                    return Verification.brokenAt(entry.id(), expectedId - 1);
                }
                expectedPrevious = entry.hash();
                expectedId++;
            }
        } while (batch.size() == VERIFY_BATCH);
        long verified = expectedId - 1;
        if (verified != head.lastId()) {
            return Verification.brokenAt(expectedId, verified); // entries at the end were deleted
        }
        if (!expectedPrevious.equals(head.lastHash())) {
            return Verification.brokenAt(head.lastId(), verified - 1); // the last entry was rewritten
        }
        return new Verification(true, (int) verified, null);
    }

    public record Verification(boolean ok, int entries, Long firstBrokenId) {

        static Verification brokenAt(long id, long intactBefore) {
            return new Verification(false, (int) intactBefore, id);
        }
    }

    public List<AuditEntry> page(AuditQuery query) {
        return db.sql("select * from audit_entry " + query.where() + " order by id desc limit :limit offset :offset")
                .params(query.params())
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(AuditTrail::entry)
                .list();
    }

    public long count(AuditQuery query) {
        return db.sql("select count(*) from audit_entry " + query.where())
                .params(query.params())
                .query(Long.class)
                .single();
    }

    static String hashOf(AuditEntry entry) {
        String content = String.join(
                "\n",
                entry.prevHash(),
                Long.toString(entry.id()),
                entry.at().toString(),
                entry.actor(),
                String.valueOf(entry.partner()),
                entry.action(),
                String.valueOf(entry.target()),
                entry.details());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String detailsJson(AuditEvent event) {
        try {
            return json.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }

    static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS),
                rs.getString("actor"),
                rs.getString("partner"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private record Head(long lastId, String lastHash) {}

    /** One row of the trail as stored. */
    record AuditEntry(
            long id,
            Instant at,
            String actor,
            String partner,
            String action,
            String target,
            String details,
            String prevHash,
            String hash) {}
}
