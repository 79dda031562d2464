package com.partnerworkspace.models.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Migrations with their reports; each state change only from the state it is expected in. */
@Repository
class MigrationRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    MigrationRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Migration migration) {
        jdbc.update(
                "insert into model_migration (id, model_key, from_version, to_version, mapping, report, instances,"
                        + " valid, author, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                migration.id(),
                migration.key(),
                migration.from(),
                migration.to(),
                write(migration.mapping()),
                write(migration.report()),
                migration.report().instances(),
                migration.report().valid(),
                migration.author(),
                migration.status().name(),
                Timestamp.from(migration.createdAt()));
    }

    Optional<Migration> find(String id) {
        return jdbc.query("select * from model_migration where id = ?", this::migration, id).stream()
                .findFirst();
    }

    boolean proposed(String id, String processInstance) {
        return jdbc.update(
                        "update model_migration set status = 'proposed', process_instance = ? where id = ? and status"
                                + " = 'reported'",
                        processInstance,
                        id)
                == 1;
    }

    void rejected(String id, String reviewer, String comment) {
        jdbc.update(
                "update model_migration set status = 'rejected', reviewed_by = ?, review_comment = ? where id = ?",
                reviewer,
                comment,
                id);
    }

    void running(String id, String reviewer, String comment, String batchId, int instances) {
        jdbc.update(
                "update model_migration set status = 'running', reviewed_by = ?, review_comment = ?, batch_id = ?,"
                        + " started_with = ? where id = ?",
                reviewer,
                comment,
                batchId,
                instances,
                id);
    }

    private Migration migration(ResultSet row, int n) throws SQLException {
        return new Migration(
                row.getString("id"),
                row.getString("model_key"),
                row.getInt("from_version"),
                row.getInt("to_version"),
                read(row.getString("mapping"), new TypeReference<List<Migration.Instruction>>() {}),
                read(row.getString("report"), new TypeReference<Migration.Report>() {}),
                row.getString("author"),
                Migration.Status.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant(),
                row.getString("process_instance"),
                row.getString("reviewed_by"),
                row.getString("review_comment"),
                row.getString("batch_id"),
                (Integer) row.getObject("started_with"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable migration column", e);
        }
    }
}
