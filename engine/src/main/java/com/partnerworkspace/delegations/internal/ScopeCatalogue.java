package com.partnerworkspace.delegations.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The scopes a partner may delegate: the latest deployed version of the {@code delegation-scopes} DMN. */
@Component
class ScopeCatalogue {

    static final String DECISION_KEY = "delegation-scopes";

    private final DecisionService decisions;

    ScopeCatalogue(DecisionService decisions) {
        this.decisions = decisions;
    }

    record Scope(String name, String description, boolean critical, Duration maxDuration) {}

    List<Scope> all() {
        return decisions.evaluateDecisionTableByKey(DECISION_KEY).evaluate().getResultList().stream()
                .map(ScopeCatalogue::scope)
                .toList();
    }

    private static Scope scope(Map<String, Object> row) {
        return new Scope(
                (String) row.get("name"),
                (String) row.get("description"),
                Boolean.TRUE.equals(row.get("critical")),
                Duration.parse((String) row.get("maxDuration")));
    }
}
