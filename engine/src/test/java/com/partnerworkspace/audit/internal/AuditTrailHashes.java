package com.partnerworkspace.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests that forge an entry as an attacker with database access would: with a matching hash. */
public final class AuditTrailHashes {

    private AuditTrailHashes() {}

    /** The hash the engine would have stored for entry {@code id} had its details been {@code details}. */
    public static String of(JdbcClient db, long id, String details) {
        AuditTrail.AuditEntry stored = db.sql("select * from audit_entry where id = :id")
                .param("id", id)
                .query(AuditTrail::entry)
                .single();
        return AuditTrail.hashOf(new AuditTrail.AuditEntry(
                stored.id(),
                stored.at(),
                stored.actor(),
                stored.partner(),
                stored.action(),
                stored.target(),
                details,
                stored.prevHash(),
                null));
    }
}
