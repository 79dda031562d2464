package com.partnerworkspace.models.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The drafts of browser model changes and who deployed which browser deployment. */
@Repository
class DraftRepository {

    private final JdbcTemplate jdbc;

    DraftRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Draft draft) {
        jdbc.update(
                "insert into model_draft (id, model_key, model_type, content, tests, author, status, base_version,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                draft.id(),
                draft.key(),
                draft.type().name(),
                draft.content(),
                draft.tests(),
                draft.author(),
                draft.status().name(),
                draft.baseVersion(),
                Timestamp.from(draft.createdAt()));
    }

    Optional<Draft> find(String id) {
        return jdbc.query("select * from model_draft where id = ?", DraftRepository::draft, id).stream()
                .findFirst();
    }

    /** Moves a draft on only from the status it is expected in; false when it was not in it (a race lost). */
    boolean proposed(String id, String processInstance) {
        return jdbc.update(
                        "update model_draft set status = 'proposed', process_instance = ? where id = ? and status ="
                                + " 'draft'",
                        processInstance,
                        id)
                == 1;
    }

    void rejected(String id, String reviewer, String comment) {
        jdbc.update(
                "update model_draft set status = 'rejected', reviewed_by = ?, review_comment = ? where id = ?",
                reviewer,
                comment,
                id);
    }

    void deployed(String id, String reviewer, String comment, int version) {
        jdbc.update(
                "update model_draft set status = 'deployed', reviewed_by = ?, review_comment = ?, deployed_version = ?"
                        + " where id = ?",
                reviewer,
                comment,
                version,
                id);
    }

    void recordDeployment(String deploymentId, Draft draft, String approvedBy, Instant at) {
        jdbc.update(
                "insert into model_deployment (deployment_id, model_key, draft_id, deployed_by, approved_by,"
                        + " deployed_at) values (?, ?, ?, ?, ?, ?)",
                deploymentId,
                draft.key(),
                draft.id(),
                draft.author(),
                approvedBy,
                Timestamp.from(at));
    }

    /** Who proposed and who approved a browser deployment; empty for a release. */
    Optional<String[]> deployers(String deploymentId) {
        List<String[]> rows = jdbc.query(
                "select deployed_by, approved_by from model_deployment where deployment_id = ?",
                (row, n) -> new String[] {row.getString(1), row.getString(2)},
                deploymentId);
        return rows.stream().findFirst();
    }

    private static Draft draft(ResultSet row, int n) throws SQLException {
        return new Draft(
                row.getString("id"),
                row.getString("model_key"),
                ModelType.valueOf(row.getString("model_type")),
                row.getString("content"),
                row.getString("tests"),
                row.getString("author"),
                Draft.Status.valueOf(row.getString("status")),
                (Integer) row.getObject("base_version"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("process_instance"),
                row.getString("reviewed_by"),
                row.getString("review_comment"),
                (Integer) row.getObject("deployed_version"));
    }
}
