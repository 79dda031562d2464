package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.JdbcRows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The doctor's runs (the last {@value #KEPT} per connection) and each connection's registered settings. */
@Component
class DiagnosisStore {

    static final int KEPT = 20;

    private final JdbcClient db;
    private final ObjectMapper json;

    DiagnosisStore(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A kept run: who ran it, and what it answered. */
    record Run(String id, String ranBy, Diagnosis diagnosis) {}

    /** What the partner registered at the broker for a connection; either may be null. */
    record Settings(String registeredRedirectUri, String registeredAddress) {
        static final Settings NONE = new Settings(null, null);
    }

    /** Keeps a run and forgets the connection's runs beyond the last {@value #KEPT}; call in a transaction. */
    String keep(String connectionId, String partner, String ranBy, Diagnosis diagnosis) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                        insert into connection_diagnosis (id, connection_id, partner, ran_by, ran_at, duration_ms, body)
                        values (:id, :connectionId, :partner, :ranBy, :ranAt, :durationMs, :body)""")
                .param("id", id)
                .param("connectionId", connectionId)
                .param("partner", partner)
                .param("ranBy", ranBy)
                .param("ranAt", JdbcRows.time(diagnosis.ranAt()))
                .param("durationMs", diagnosis.durationMs())
                .param("body", write(diagnosis))
                .update();
        db.sql("""
                        delete from connection_diagnosis where connection_id = :connectionId and id in (
                            select id from connection_diagnosis where connection_id = :connectionId
                            order by ran_at desc, id offset :kept rows)""").param("connectionId", connectionId).param("kept", KEPT).update();
        return id;
    }

    /** The connection's kept runs, newest first. */
    List<Run> runs(String connectionId) {
        return db.sql("""
                        select id, ran_by, body from connection_diagnosis where connection_id = :connectionId
                        order by ran_at desc, id""")
                .param("connectionId", connectionId)
                .query((rs, row) -> new Run(rs.getString("id"), rs.getString("ran_by"), read(rs.getString("body"))))
                .list();
    }

    Settings settings(String connectionId) {
        return db.sql("""
                        select registered_redirect_uri, registered_address from connection_diagnosis_setting
                        where connection_id = :connectionId""")
                .param("connectionId", connectionId)
                .query((rs, row) ->
                        new Settings(rs.getString("registered_redirect_uri"), rs.getString("registered_address")))
                .optional()
                .orElse(Settings.NONE);
    }

    /** Replaces the connection's settings whole; call in a transaction. */
    void saveSettings(String connectionId, Settings settings, String by, Instant at) {
        db.sql("delete from connection_diagnosis_setting where connection_id = :connectionId")
                .param("connectionId", connectionId)
                .update();
        db.sql("""
                        insert into connection_diagnosis_setting
                            (connection_id, registered_redirect_uri, registered_address, updated_by, updated_at)
                        values (:connectionId, :uri, :address, :by, :at)""")
                .param("connectionId", connectionId)
                .param("uri", settings.registeredRedirectUri())
                .param("address", settings.registeredAddress())
                .param("by", by)
                .param("at", JdbcRows.time(at))
                .update();
    }

    private String write(Diagnosis diagnosis) {
        try {
            return json.writeValueAsString(diagnosis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Diagnosis read(String body) {
        try {
            return json.readValue(body, Diagnosis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
