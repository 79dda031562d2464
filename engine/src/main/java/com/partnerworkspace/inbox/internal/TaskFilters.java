package com.partnerworkspace.inbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.JdbcRows;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved inbox filters (table {@code task_filter}); SQL only. */
@Repository
class TaskFilters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient db;

    TaskFilters(JdbcClient db) {
        this.db = db;
    }

    record SavedFilter(
            String id,
            String owner,
            String name,
            TaskCriteria criteria,

            @Schema(nullable = true, description = "The group it is shared with; null when only the owner's")
            String sharedWithGroup,

            Instant createdAt,
            Instant updatedAt) {}

    /** The user's own filters and those shared with one of their groups, by name. */
    List<SavedFilter> visibleTo(String username, Collection<String> groups) {
        return db.sql("""
                        select * from task_filter
                        where owner = :owner or shared_with_group in (:groups)
                        order by name, id""")
                .param("owner", username)
                .param("groups", groups.isEmpty() ? List.of("-") : groups)
                .query(TaskFilters::row)
                .list();
    }

    Optional<SavedFilter> find(String id) {
        return JdbcRows.findById(db, "task_filter", id, TaskFilters::row);
    }

    void insert(SavedFilter filter) {
        db.sql("""
                        insert into task_filter (id, owner, name, criteria, shared_with_group, created_at, updated_at)
                        values (:id, :owner, :name, :criteria, :shared, :created, :updated)""")
                .param("id", filter.id())
                .param("owner", filter.owner())
                .param("name", filter.name())
                .param("criteria", json(filter.criteria()))
                .param("shared", filter.sharedWithGroup())
                .param("created", JdbcRows.time(filter.createdAt()))
                .param("updated", JdbcRows.time(filter.updatedAt()))
                .update();
    }

    void update(SavedFilter filter) {
        db.sql("""
                        update task_filter set name = :name, criteria = :criteria, shared_with_group = :shared,
                        updated_at = :updated where id = :id""")
                .param("id", filter.id())
                .param("name", filter.name())
                .param("criteria", json(filter.criteria()))
                .param("shared", filter.sharedWithGroup())
                .param("updated", JdbcRows.time(filter.updatedAt()))
                .update();
    }

    void delete(String id) {
        db.sql("delete from task_filter where id = :id").param("id", id).update();
    }

    private static SavedFilter row(ResultSet rs, int rowNum) throws SQLException {
        try {
            return new SavedFilter(
                    rs.getString("id"),
                    rs.getString("owner"),
                    rs.getString("name"),
                    JSON.readValue(rs.getString("criteria"), TaskCriteria.class),
                    rs.getString("shared_with_group"),
                    JdbcRows.instant(rs, "created_at"),
                    JdbcRows.instant(rs, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable criteria of task filter " + rs.getString("id"), e);
        }
    }

    private static String json(TaskCriteria criteria) {
        try {
            return JSON.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
