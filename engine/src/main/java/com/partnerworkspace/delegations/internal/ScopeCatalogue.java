package com.partnerworkspace.delegations.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The scopes a partner may delegate: the latest deployed version of the {@code delegation-scopes} DMN.
 * The table is a catalogue, not a decision about a case, so it is evaluated once per deployed version
 * (each evaluation also writes decision history) and kept until ops deploy a new one.
 */
@Component
class ScopeCatalogue {

    static final String DECISION_KEY = "delegation-scopes";

    private final DecisionService decisions;
    private final LatestDecision latestDecision;
    private volatile Evaluated evaluated;

    ScopeCatalogue(DecisionService decisions, LatestDecision latestDecision) {
        this.decisions = decisions;
        this.latestDecision = latestDecision;
    }

    record Scope(String name, String description, boolean critical, Duration maxDuration) {}

    private record Evaluated(String definitionId, List<Scope> scopes) {}

    List<Scope> all() {
        String latest = latestDecision.idOf(DECISION_KEY);
        Evaluated known = evaluated;
        if (known != null && known.definitionId().equals(latest)) {
            return known.scopes();
        }
        List<Scope> scopes = decisions.evaluateDecisionTableById(latest).evaluate().getResultList().stream()
                .map(ScopeCatalogue::scope)
                .toList();
        evaluated = new Evaluated(latest, scopes);
        return scopes;
    }

    private static Scope scope(Map<String, Object> row) {
        return new Scope(
                (String) row.get("name"),
                (String) row.get("description"),
                Boolean.TRUE.equals(row.get("critical")),
                Duration.parse((String) row.get("maxDuration")));
    }
}
