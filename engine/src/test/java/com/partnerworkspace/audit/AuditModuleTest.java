package com.partnerworkspace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.ModuleTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * The audit module on its own (with security and system, which it depends on): an {@link AuditEvent}
 * published by any module ends up in the trail, chained. No engine, no servers.
 */
@ModuleTest
class AuditModuleTest {

    @Autowired
    JdbcClient db;

    long entries() {
        return db.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    @Test
    void aPublishedEventIsAppendedToTheTrail(Scenario scenario) {
        long before = entries();

        scenario.publish(new AuditEvent("nikhil", "nikhil", "credential.revealed", "connection/c-1", Map.of()))
                .andWaitForStateChange(this::entries, count -> count > before)
                .andVerify(count -> assertThat(count).isEqualTo(before + 1));

        assertThat(db.sql("select action from audit_entry order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("credential.revealed");
    }
}
