package com.partnerworkspace.delegations.internal;

import static com.partnerworkspace.system.JdbcRows.instant;
import static com.partnerworkspace.system.JdbcRows.time;

import com.partnerworkspace.system.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class DelegationRepository {

    private final JdbcClient db;
    private final TransactionTemplate separately;

    DelegationRepository(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.separately = JdbcRows.ownTransaction(transactions);
    }

    /**
     * Holds the grants of {@code holder} at {@code partner} until the current transaction ends: whoever
     * else changes them (another job thread or node) waits. The lock row is made once, in its own
     * transaction, because on PostgreSQL a duplicate key would abort the caller's.
     */
    void lockGrantsOf(String partner, String holder) {
        try {
            separately.executeWithoutResult(status -> db.sql("""
                            insert into delegation_holder (partner, holder)
                            select :partner, :holder where not exists
                                (select 1 from delegation_holder where partner = :partner and holder = :holder)""")
                    .param("partner", partner)
                    .param("holder", holder)
                    .update());
        } catch (DuplicateKeyException madeByAnotherThreadJustNow) {
            // the row exists, which is all the lock needs
        }
        db.sql("select holder from delegation_holder where partner = :partner and holder = :holder for update")
                .param("partner", partner)
                .param("holder", holder)
                .query(String.class)
                .single();
    }

    void insert(Delegation d) {
        db.sql("""
                        insert into delegation (id, partner, requester, delegate, bot_name, bot_client_id, scopes,
                            connection_id, duration, justification, state, mfa_required, approvals_required,
                            requested_at)
                        values (:id, :partner, :requester, :delegate, :botName, :botClientId, :scopes,
                            :connection, :duration, :justification, :state, :mfaRequired, :approvalsRequired,
                            :requestedAt)""")
                .param("id", d.id())
                .param("partner", d.partner())
                .param("requester", d.requester())
                .param("delegate", d.delegate())
                .param("botName", d.botName())
                .param("botClientId", d.botClientId())
                .param("scopes", String.join(" ", d.scopes()))
                .param("connection", d.connection())
                .param("duration", d.duration().toString())
                .param("justification", d.justification())
                .param("state", d.state().name())
                .param("mfaRequired", d.mfaRequired())
                .param("approvalsRequired", d.approvalsRequired())
                .param("requestedAt", time(d.requestedAt()))
                .update();
    }

    Optional<Delegation> find(String id) {
        return JdbcRows.findById(db, "delegation", id, DelegationRepository::delegation);
    }

    List<Delegation> ofPartner(String partner) {
        return listWhere("partner = :partner order by requested_at desc", "partner", partner);
    }

    List<Delegation> requestedBy(String requester) {
        return listWhere("requester = :requester order by requested_at desc", "requester", requester);
    }

    List<Delegation> delegatedTo(String delegate) {
        return listWhere("delegate = :delegate order by requested_at desc", "delegate", delegate);
    }

    List<Delegation> inState(DelegationState state) {
        return listWhere("state = :state order by requested_at", "state", state.name());
    }

    List<Delegation> activeFor(String delegate) {
        return listWhere("delegate = :delegate and state = 'ACTIVE'", "delegate", delegate);
    }

    /** Delegations limited to the connection that have not ended yet (requested, awaiting or active). */
    List<Delegation> openLimitedTo(String connectionId) {
        return db.sql("select * from delegation where connection_id = :connection and state in (:open)")
                .param("connection", connectionId)
                .param("open", DelegationState.OPEN.stream().map(Enum::name).toList())
                .query(DelegationRepository::delegation)
                .list();
    }

    List<Delegation> activeOfPartner(String partner) {
        return listWhere("partner = :partner and state = 'ACTIVE'", "partner", partner);
    }

    /** Moves the delegation on only from one of the expected states; false when it was elsewhere. */
    boolean changeState(String id, Collection<DelegationState> from, DelegationState to) {
        return db.sql("update delegation set state = :to where id = :id and state in (:from)")
                        .param("to", to.name())
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    void markGranted(String id, Instant grantedAt, Instant expiresAt) {
        db.sql("""
                        update delegation set state = 'ACTIVE', granted_at = :grantedAt, expires_at = :expiresAt
                        where id = :id""")
                .param("id", id)
                .param("grantedAt", time(grantedAt))
                .param("expiresAt", time(expiresAt))
                .update();
    }

    void setBot(String id, String clientId, String serviceAccount) {
        db.sql("update delegation set bot_client_id = :clientId, delegate = :serviceAccount where id = :id")
                .param("id", id)
                .param("clientId", clientId)
                .param("serviceAccount", serviceAccount)
                .update();
    }

    void addApproval(String delegationId, Approval approval) {
        db.sql("""
                        insert into delegation_approval (delegation_id, approver, approved, comment, decided_at)
                        values (:id, :approver, :approved, :comment, :at)""")
                .param("id", delegationId)
                .param("approver", approval.approver())
                .param("approved", approval.approved())
                .param("comment", approval.comment())
                .param("at", time(approval.at()))
                .update();
    }

    List<Approval> approvalsOf(String delegationId) {
        return db.sql("select * from delegation_approval where delegation_id = :id order by decided_at")
                .param("id", delegationId)
                .query((rs, n) -> new Approval(
                        rs.getString("approver"),
                        rs.getBoolean("approved"),
                        rs.getString("comment"),
                        instant(rs, "decided_at")))
                .list();
    }

    /** The delegations matching {@code condition} (SQL after {@code where}, one named parameter). */
    private List<Delegation> listWhere(String condition, String name, Object value) {
        return db.sql("select * from delegation where " + condition)
                .param(name, value)
                .query(DelegationRepository::delegation)
                .list();
    }

    private static Delegation delegation(ResultSet rs, int row) throws SQLException {
        return new Delegation(
                rs.getString("id"),
                rs.getString("partner"),
                rs.getString("requester"),
                rs.getString("delegate"),
                rs.getString("bot_name"),
                rs.getString("bot_client_id"),
                Arrays.asList(rs.getString("scopes").split(" ")),
                rs.getString("connection_id"),
                Duration.parse(rs.getString("duration")),
                rs.getString("justification"),
                DelegationState.valueOf(rs.getString("state")),
                rs.getBoolean("mfa_required"),
                rs.getInt("approvals_required"),
                instant(rs, "requested_at"),
                instant(rs, "granted_at"),
                instant(rs, "expires_at"));
    }
}
