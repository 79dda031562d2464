package com.partnerworkspace.workspace.internal.metrics;

import com.partnerworkspace.system.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Survey answers and dismissals, in table {@code survey_response}; a dismissal has no score. */
@Repository
class SurveyStore {

    record Response(
            String id,
            String username,
            String partner,
            String trigger,
            Integer score,
            String comment,
            Instant answeredAt) {

        boolean dismissed() {
            return score == null;
        }
    }

    private final JdbcClient db;

    SurveyStore(JdbcClient db) {
        this.db = db;
    }

    void add(Response response) {
        db.sql("""
                        insert into survey_response (id, username, partner, trigger_act, score, comment, answered_at)
                        values (:id, :username, :partner, :trigger, :score, :comment, :answeredAt)""")
                .param("id", response.id())
                .param("username", response.username())
                .param("partner", response.partner())
                .param("trigger", response.trigger())
                .param("score", response.score())
                .param("comment", response.comment())
                .param("answeredAt", JdbcRows.time(response.answeredAt()))
                .update();
    }

    /** The person's latest answer or dismissal since {@code since}. */
    Optional<Response> latestOf(String username, Instant since) {
        return db.sql("""
                        select * from survey_response where username = :username and answered_at >= :since
                        order by answered_at desc limit 1""")
                .param("username", username)
                .param("since", JdbcRows.time(since))
                .query(SurveyStore::response)
                .optional();
    }

    /** Every answer with a score since {@code since}, oldest first. */
    List<Response> answersSince(Instant since) {
        return db.sql("""
                        select * from survey_response where score is not null and answered_at >= :since
                        order by answered_at""")
                .param("since", JdbcRows.time(since))
                .query(SurveyStore::response)
                .list();
    }

    private static Response response(ResultSet rs, int row) throws SQLException {
        int score = rs.getInt("score");
        return new Response(
                rs.getString("id"),
                rs.getString("username"),
                rs.getString("partner"),
                rs.getString("trigger_act"),
                rs.wasNull() ? null : score,
                rs.getString("comment"),
                JdbcRows.instant(rs, "answered_at"));
    }
}
