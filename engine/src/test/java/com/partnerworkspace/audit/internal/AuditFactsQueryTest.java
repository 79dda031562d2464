package com.partnerworkspace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.system.JdbcRows;
import com.partnerworkspace.testsupport.RepositorySlice;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The facts other modules measure, read from audit entries on the real schema. */
@RepositorySlice
@Import(AuditFactsQuery.class)
class AuditFactsQueryTest {

    @Autowired
    AuditFactsQuery facts;

    @Autowired
    JdbcClient db;

    @Test
    void eachPartnersFirstEntryOfAnAction() {
        entry(1, "ravi", "facts.invited", "2030-01-02T00:00:00Z");
        entry(2, "ravi", "facts.invited", "2030-01-01T00:00:00Z");
        entry(3, "sana", "facts.invited", "2030-01-03T00:00:00Z");
        entry(4, "sana", "facts.other", "2029-01-01T00:00:00Z");
        entry(5, null, "facts.invited", "2029-01-01T00:00:00Z");

        assertThat(facts.firstByPartner("facts.invited"))
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("ravi", Instant.parse("2030-01-01T00:00:00Z")),
                        org.assertj.core.api.Assertions.entry("sana", Instant.parse("2030-01-03T00:00:00Z")));
    }

    @Test
    void theTimesOfAnActionSinceAnInstantOldestFirst() {
        entry(11, "ravi", "facts.approved", "2030-02-02T00:00:00Z");
        entry(12, "ravi", "facts.approved", "2030-02-01T00:00:00Z");
        entry(13, "ravi", "facts.approved", "2029-02-01T00:00:00Z");

        assertThat(facts.timesOf("facts.approved", Instant.parse("2030-01-01T00:00:00Z")))
                .containsExactly(Instant.parse("2030-02-01T00:00:00Z"), Instant.parse("2030-02-02T00:00:00Z"));
    }

    private void entry(long id, String partner, String action, String at) {
        db.sql("""
                        insert into audit_entry (id, at, actor, partner, action, target, details, prev_hash, hash)
                        values (:id, :at, 'test', :partner, :action, 'facts', '{}', 'x', 'y')""")
                .param("id", id + 900_000_000L)
                .param("at", JdbcRows.time(Instant.parse(at)))
                .param("partner", partner)
                .param("action", action)
                .update();
    }
}
