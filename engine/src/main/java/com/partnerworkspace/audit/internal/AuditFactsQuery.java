package com.partnerworkspace.audit.internal;

import com.partnerworkspace.audit.AuditFacts;
import com.partnerworkspace.system.JdbcRows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AuditFactsQuery implements AuditFacts {

    private final JdbcClient db;

    AuditFactsQuery(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Map<String, Instant> firstByPartner(String action) {
        Map<String, Instant> first = new LinkedHashMap<>();
        db.sql("""
                        select partner, min(at) as first_at from audit_entry
                        where action = :action and partner is not null
                        group by partner order by partner""")
                .param("action", action)
                .query((rs, row) -> first.put(rs.getString("partner"), JdbcRows.instant(rs, "first_at")))
                .list();
        return first;
    }

    @Override
    public List<Instant> timesOf(String action, Instant from) {
        return db.sql("select at from audit_entry where action = :action and at >= :from order by at")
                .param("action", action)
                .param("from", JdbcRows.time(from))
                .query((rs, row) -> JdbcRows.instant(rs, "at"))
                .list();
    }
}
