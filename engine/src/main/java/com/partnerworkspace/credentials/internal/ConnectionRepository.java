package com.partnerworkspace.credentials.internal;

import static com.partnerworkspace.system.JdbcRows.instant;
import static com.partnerworkspace.system.JdbcRows.nullableLong;
import static com.partnerworkspace.system.JdbcRows.time;

import com.partnerworkspace.system.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class ConnectionRepository {

    private final JdbcClient db;
    private final TransactionTemplate separately;

    ConnectionRepository(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.separately = JdbcRows.ownTransaction(transactions);
    }

    void insert(Connection c) {
        db.sql("""
                        insert into broker_connection (id, partner, broker, label, state, masked_key, created_by, created_at)
                        values (:id, :partner, :broker, :label, :state, :maskedKey, :createdBy, :createdAt)""")
                .param("id", c.id())
                .param("partner", c.partner())
                .param("broker", c.broker())
                .param("label", c.label())
                .param("state", c.storedState().name())
                .param("maskedKey", c.maskedKey())
                .param("createdBy", c.createdBy())
                .param("createdAt", time(c.createdAt()))
                .update();
    }

    Optional<Connection> find(String id) {
        return JdbcRows.findById(db, "broker_connection", id, ConnectionRepository::connection);
    }

    List<Connection> ofPartner(String partner) {
        return db.sql("select * from broker_connection where partner = :partner order by created_at desc")
                .param("partner", partner)
                .query(ConnectionRepository::connection)
                .list();
    }

    List<Connection> all() {
        return db.sql("select * from broker_connection order by created_at desc")
                .query(ConnectionRepository::connection)
                .list();
    }

    List<Connection> inState(ConnectionState state) {
        return db.sql("select * from broker_connection where state = :state order by created_at")
                .param("state", state.name())
                .query(ConnectionRepository::connection)
                .list();
    }

    /** Usable connections whose scheduled rotation is due and that no process is working on. */
    List<Connection> dueForRotation(Instant now) {
        return db.sql("""
                        select * from broker_connection
                        where state = 'ACTIVE' and activity is null and next_rotation_at <= :now
                        order by next_rotation_at""")
                .param("now", time(now))
                .query(ConnectionRepository::connection)
                .list();
    }

    void changeState(String id, ConnectionState state) {
        db.sql("update broker_connection set state = :state where id = :id")
                .param("state", state.name())
                .param("id", id)
                .update();
    }

    /** A failure: the state it leaves the connection in, and what happened in the broker's terms. */
    void fail(String id, ConnectionState state, String failure, String detail) {
        db.sql(
                        "update broker_connection set state = :state, failure = :failure, failure_detail = :detail where id = :id")
                .param("state", state.name())
                .param("failure", failure)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
                .param("id", id)
                .update();
    }

    /** {@link #fail}, committed at once: it stays when the caller's transaction rolls back for a retry. */
    void failNow(String id, ConnectionState state, String failure, String detail) {
        separately.executeWithoutResult(status -> fail(id, state, failure, detail));
    }

    void tokensStored(String id, Instant issuedAt, Instant expiresAt, Instant nextRotationAt) {
        db.sql("""
                        update broker_connection set token_issued_at = :issuedAt, expires_at = :expiresAt,
                            next_rotation_at = :nextRotationAt where id = :id""")
                .param("issuedAt", time(issuedAt))
                .param("expiresAt", time(expiresAt))
                .param("nextRotationAt", time(nextRotationAt))
                .param("id", id)
                .update();
    }

    void verified(String id, Instant at, long millis) {
        db.sql("""
                        update broker_connection set state = 'ACTIVE', failure = null, failure_detail = null,
                            last_verified_at = :at, last_verification_ms = :millis where id = :id""")
                .param("at", time(at))
                .param("millis", millis)
                .param("id", id)
                .update();
    }

    void keysReplaced(String id, String maskedKey) {
        db.sql("update broker_connection set masked_key = :maskedKey where id = :id")
                .param("maskedKey", maskedKey)
                .param("id", id)
                .update();
    }

    /** Marks the process working on the connection; false when another one already is. */
    boolean startActivity(String id, String activity) {
        return db.sql("update broker_connection set activity = :activity where id = :id and activity is null")
                        .param("activity", activity)
                        .param("id", id)
                        .update()
                == 1;
    }

    void setActivity(String id, String activity) {
        db.sql("update broker_connection set activity = :activity where id = :id")
                .param("activity", activity)
                .param("id", id)
                .update();
    }

    void endActivity(String id, String activity) {
        db.sql("update broker_connection set activity = null where id = :id and activity = :activity")
                .param("activity", activity)
                .param("id", id)
                .update();
    }

    void delete(String id) {
        db.sql("delete from broker_connection where id = :id").param("id", id).update();
    }

    private static Connection connection(ResultSet rs, int row) throws SQLException {
        return new Connection(
                rs.getString("id"),
                rs.getString("partner"),
                rs.getString("broker"),
                rs.getString("label"),
                ConnectionState.valueOf(rs.getString("state")),
                rs.getString("masked_key"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "token_issued_at"),
                instant(rs, "expires_at"),
                instant(rs, "next_rotation_at"),
                instant(rs, "last_verified_at"),
                nullableLong(rs, "last_verification_ms"),
                rs.getString("failure"),
                rs.getString("failure_detail"),
                rs.getString("activity"));
    }
}
