package com.partnerworkspace.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every feature's JDBC repository needs the same way: instants stored as UTC timestamps with time zone
 * (H2 and PostgreSQL alike) and read back, nullable numbers, one row by id, and work committed in a
 * transaction of its own.
 */
public final class JdbcRows {

    private JdbcRows() {}

    /** The parameter for a {@code timestamp with time zone} column; null stays null. */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The row of {@code table} (a name from the code, never from a request) whose {@code id} column is {@code id}. */
    public static <T> Optional<T> findById(JdbcClient db, String table, String id, RowMapper<T> rows) {
        return db.sql("select * from " + table + " where id = :id")
                .param("id", id)
                .query(rows)
                .optional();
    }

    /** Work that commits (or rolls back) on its own, whatever the caller's transaction does afterwards. */
    public static TransactionTemplate ownTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return separately;
    }
}
