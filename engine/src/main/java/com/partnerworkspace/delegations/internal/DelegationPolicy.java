package com.partnerworkspace.delegations.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * What a request needs, from the latest deployed {@code delegation-policy} DMN: ops change the rules by
 * deploying a new version, no restart. The process evaluates the same table when it starts, and that
 * evaluation is the one its history records; the check of a request before anything is written reuses
 * the answer for the same inputs and version (the table's rules depend on its inputs only).
 */
@Component
class DelegationPolicy {

    static final String DECISION_KEY = "delegation-policy";
    private static final int REMEMBERED_ANSWERS = 1024;

    private final DecisionService decisions;
    private final LatestDecision latestDecision;
    private final Map<Inputs, Decision> answers = new ConcurrentHashMap<>();

    DelegationPolicy(DecisionService decisions, LatestDecision latestDecision) {
        this.decisions = decisions;
        this.latestDecision = latestDecision;
    }

    private record Inputs(String definitionId, boolean critical, String delegateKind, double requestedHours) {}

    record Decision(
            boolean mfaRequired,
            int approvalsRequired,
            Duration maxDuration,
            int minJustificationLength,
            Duration requestTimeout) {}

    Decision decide(boolean critical, String delegateKind, Duration requested) {
        Inputs inputs = new Inputs(latestDecision.idOf(DECISION_KEY), critical, delegateKind, hours(requested));
        Decision known = answers.get(inputs);
        if (known != null) {
            return known;
        }
        if (answers.size() >= REMEMBERED_ANSWERS) {
            answers.clear(); // old versions and rare durations go; the common answers come back at once
        }
        Decision decision = evaluate(inputs);
        answers.put(inputs, decision);
        return decision;
    }

    private Decision evaluate(Inputs inputs) {
        Map<String, Object> result = decisions
                .evaluateDecisionTableById(inputs.definitionId())
                .variables(Map.of(
                        "critical", inputs.critical(),
                        "delegateKind", inputs.delegateKind(),
                        "requestedHours", inputs.requestedHours()))
                .evaluate()
                .getSingleResult()
                .getEntryMap();
        return new Decision(
                Boolean.TRUE.equals(result.get("mfaRequired")),
                ((Number) result.get("approvalsRequired")).intValue(),
                Duration.parse((String) result.get("maxDuration")),
                ((Number) result.get("minJustificationLength")).intValue(),
                Duration.parse((String) result.get("requestTimeout")));
    }

    static double hours(Duration duration) {
        return duration.toSeconds() / 3600.0;
    }
}
