package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Smoke-test runs, the one-run-per-partner lock, and each run's artifacts. */
@Component
class SmokeTestStore {

    /** Runs kept per partner; older ones go with their artifacts. */
    static final int KEPT = 20;

    private final JdbcClient db;
    private final ObjectMapper json;

    SmokeTestStore(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** An artifact's bytes and how to serve them. */
    record Artifact(String name, String contentType, byte[] body) {}

    /**
     * Records a queued run and takes the partner's lock; call in a transaction.
     *
     * @return false (nothing written) when the partner has a run queued or running
     */
    boolean queue(SmokeTest run) {
        try {
            db.sql("insert into smoke_test_running (partner, run_id) values (:partner, :id)")
                    .param("partner", run.partner())
                    .param("id", run.id())
                    .update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        db.sql("""
                        insert into smoke_test_run
                            (id, partner, connection_id, state, requested_by, requested_at, steps)
                        values (:id, :partner, :connection, :state, :by, :at, :steps)""")
                .param("id", run.id())
                .param("partner", run.partner())
                .param("connection", run.connection())
                .param("state", run.state().name())
                .param("by", run.requestedBy())
                .param("at", JdbcRows.time(run.requestedAt()))
                .param("steps", write(run.steps()))
                .update();
        return true;
    }

    void update(SmokeTest run) {
        db.sql("""
                        update smoke_test_run set state = :state, finished_at = :finishedAt, duration_ms = :durationMs,
                            steps = :steps, trace = :trace where id = :id""")
                .param("state", run.state().name())
                .param("finishedAt", run.finishedAt() == null ? null : JdbcRows.time(run.finishedAt()))
                .param("durationMs", run.durationMs())
                .param("steps", write(run.steps()))
                .param("trace", run.trace())
                .param("id", run.id())
                .update();
    }

    /** Ends the run's hold on its partner and forgets the partner's runs beyond the last {@value #KEPT}. */
    void release(SmokeTest run) {
        db.sql("delete from smoke_test_running where partner = :partner and run_id = :id")
                .param("partner", run.partner())
                .param("id", run.id())
                .update();
        List<String> old = db.sql("""
                        select id from smoke_test_run where partner = :partner
                        order by requested_at desc, id offset :kept rows""")
                .param("partner", run.partner())
                .param("kept", KEPT)
                .query(String.class)
                .list();
        for (String id : old) {
            db.sql("delete from smoke_test_artifact where run_id = :id")
                    .param("id", id)
                    .update();
            db.sql("delete from smoke_test_run where id = :id").param("id", id).update();
        }
    }

    void saveArtifact(String runId, Artifact artifact) {
        db.sql("""
                        insert into smoke_test_artifact (run_id, name, content_type, body)
                        values (:runId, :name, :contentType, :body)""")
                .param("runId", runId)
                .param("name", artifact.name())
                .param("contentType", artifact.contentType())
                .param("body", artifact.body())
                .update();
    }

    Optional<SmokeTest> find(String id) {
        return db.sql("select * from smoke_test_run where id = :id")
                .param("id", id)
                .query(this::run)
                .optional();
    }

    /** The partner's runs, newest first. */
    List<SmokeTest> ofPartner(String partner) {
        return db.sql("select * from smoke_test_run where partner = :partner order by requested_at desc, id")
                .param("partner", partner)
                .query(this::run)
                .list();
    }

    /** Runs left queued or running by an engine that stopped: they never finish now. */
    List<SmokeTest> unfinished() {
        return db.sql("select * from smoke_test_run where state in ('QUEUED', 'RUNNING')")
                .query(this::run)
                .list();
    }

    Optional<Artifact> artifact(String runId, String name) {
        return db.sql("select name, content_type, body from smoke_test_artifact where run_id = :runId and name = :name")
                .param("runId", runId)
                .param("name", name)
                .query((rs, row) ->
                        new Artifact(rs.getString("name"), rs.getString("content_type"), rs.getBytes("body")))
                .optional();
    }

    /** The names of a run's artifacts. */
    List<String> artifactNames(String runId) {
        return db.sql("select name from smoke_test_artifact where run_id = :runId order by name")
                .param("runId", runId)
                .query(String.class)
                .list();
    }

    private SmokeTest run(ResultSet rs, int row) throws SQLException {
        return new SmokeTest(
                rs.getString("id"),
                rs.getString("partner"),
                rs.getString("connection_id"),
                SmokeTest.State.valueOf(rs.getString("state")),
                rs.getString("requested_by"),
                JdbcRows.instant(rs, "requested_at"),
                JdbcRows.instant(rs, "finished_at"),
                JdbcRows.nullableLong(rs, "duration_ms"),
                read(rs.getString("steps")),
                rs.getString("trace"));
    }

    private String write(List<SmokeTest.Step> steps) {
        try {
            return json.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SmokeTest.Step> read(String steps) {
        try {
            return json.readValue(steps, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
