package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The comments of open tasks, in table {@code task_comment}. */
@Repository
class CommentStore {

    record TaskComment(String id, String taskId, String author, String text, Instant createdAt, Instant updatedAt) {}

    private final JdbcClient db;

    CommentStore(JdbcClient db) {
        this.db = db;
    }

    void add(TaskComment comment) {
        db.sql("""
                        insert into task_comment (id, task_id, author, text, created_at, updated_at)
                        values (:id, :taskId, :author, :text, :createdAt, null)""")
                .param("id", comment.id())
                .param("taskId", comment.taskId())
                .param("author", comment.author())
                .param("text", comment.text())
                .param("createdAt", JdbcRows.time(comment.createdAt()))
                .update();
    }

    List<TaskComment> ofTask(String taskId) {
        return db.sql("select * from task_comment where task_id = :taskId order by created_at, id")
                .param("taskId", taskId)
                .query(CommentStore::comment)
                .list();
    }

    Optional<TaskComment> find(String taskId, String id) {
        return JdbcRows.findById(db, "task_comment", id, CommentStore::comment)
                .filter(comment -> comment.taskId().equals(taskId));
    }

    void edit(String id, String text, Instant at) {
        db.sql("update task_comment set text = :text, updated_at = :at where id = :id")
                .param("id", id)
                .param("text", text)
                .param("at", JdbcRows.time(at))
                .update();
    }

    void delete(String id) {
        db.sql("delete from task_comment where id = :id").param("id", id).update();
    }

    private static TaskComment comment(ResultSet rs, int row) throws SQLException {
        return new TaskComment(
                rs.getString("id"),
                rs.getString("task_id"),
                rs.getString("author"),
                rs.getString("text"),
                JdbcRows.instant(rs, "created_at"),
                JdbcRows.instant(rs, "updated_at"));
    }
}
