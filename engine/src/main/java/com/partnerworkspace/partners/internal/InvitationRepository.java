package com.partnerworkspace.partners.internal;

import com.partnerworkspace.system.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partners ops invited ({@code partner_invitation}): one row per id and per email. */
@Repository
class InvitationRepository {

    record Invitation(
            String partner,
            String email,
            String displayName,
            String traits,
            String invitedBy,
            Instant invitedAt,
            String processInstance) {}

    private final JdbcClient db;

    InvitationRepository(JdbcClient db) {
        this.db = db;
    }

    /** Throws Spring's {@code DuplicateKeyException} when the id or the email was invited before. */
    void add(Invitation invitation) {
        db.sql("""
                        insert into partner_invitation
                            (partner, email, display_name, traits, invited_by, invited_at, process_instance)
                        values (:partner, :email, :displayName, :traits, :invitedBy, :invitedAt, :processInstance)""")
                .param("partner", invitation.partner())
                .param("email", invitation.email())
                .param("displayName", invitation.displayName())
                .param("traits", invitation.traits())
                .param("invitedBy", invitation.invitedBy())
                .param("invitedAt", JdbcRows.time(invitation.invitedAt()))
                .param("processInstance", invitation.processInstance())
                .update();
    }

    void recordProcess(String partner, String processInstance) {
        db.sql("update partner_invitation set process_instance = :instance where partner = :partner")
                .param("instance", processInstance)
                .param("partner", partner)
                .update();
    }

    Optional<Invitation> find(String partner) {
        return db.sql("select * from partner_invitation where partner = :partner")
                .param("partner", partner)
                .query(InvitationRepository::invitation)
                .optional();
    }

    boolean emailInvited(String email) {
        return db.sql("select count(*) from partner_invitation where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Invitation> all() {
        return db.sql("select * from partner_invitation order by invited_at")
                .query(InvitationRepository::invitation)
                .list();
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(
                rs.getString("partner"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("traits"),
                rs.getString("invited_by"),
                JdbcRows.instant(rs, "invited_at"),
                rs.getString("process_instance"));
    }
}
