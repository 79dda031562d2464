package com.partnerworkspace.workspace.internal.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.JdbcRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Layouts people saved, in table {@code workspace_layout}, with the default widgets of the moment they
 * saved (so a default added later can be pointed out to them).
 */
@Repository
class LayoutStore {

    record Saved(List<LayoutEntry> layout, List<String> defaultWidgets, Instant savedAt) {}

    private static final TypeReference<List<LayoutEntry>> ENTRIES = new TypeReference<>() {};
    private static final TypeReference<List<String>> WIDGETS = new TypeReference<>() {};

    private final JdbcClient db;
    private final ObjectMapper json;

    LayoutStore(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<Saved> of(String username) {
        return db.sql("select * from workspace_layout where username = :username")
                .param("username", username)
                .query((rs, row) -> new Saved(
                        read(rs.getString("layout"), ENTRIES),
                        read(rs.getString("default_widgets"), WIDGETS),
                        JdbcRows.instant(rs, "saved_at")))
                .optional();
    }

    void save(String username, List<LayoutEntry> layout, List<String> defaultWidgets, Instant at) {
        int updated = db.sql("""
                        update workspace_layout set layout = :layout, default_widgets = :defaults, saved_at = :at
                        where username = :username""")
                .param("username", username)
                .param("layout", write(layout))
                .param("defaults", write(defaultWidgets))
                .param("at", JdbcRows.time(at))
                .update();
        if (updated == 0) {
            db.sql("""
                            insert into workspace_layout (username, layout, default_widgets, saved_at)
                            values (:username, :layout, :defaults, :at)""")
                    .param("username", username)
                    .param("layout", write(layout))
                    .param("defaults", write(defaultWidgets))
                    .param("at", JdbcRows.time(at))
                    .update();
        }
    }

    boolean delete(String username) {
        return db.sql("delete from workspace_layout where username = :username")
                        .param("username", username)
                        .update()
                > 0;
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
            throw new IllegalStateException("workspace_layout holds unreadable JSON", e);
        }
    }
}
