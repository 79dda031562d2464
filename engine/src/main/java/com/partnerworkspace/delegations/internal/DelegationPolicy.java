package com.partnerworkspace.delegations.internal;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * What a request needs, from the latest deployed {@code delegation-policy} DMN: ops change the rules by
 * deploying a new version, no restart. The process evaluates the same table when it starts.
 */
@Component
class DelegationPolicy {

    static final String DECISION_KEY = "delegation-policy";

    private final DecisionService decisions;

    DelegationPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    record Decision(
            boolean mfaRequired,
            int approvalsRequired,
            Duration maxDuration,
            int minJustificationLength,
            Duration requestTimeout) {}

    Decision decide(boolean critical, String delegateKind, Duration requested) {
        Map<String, Object> result = decisions
                .evaluateDecisionTableByKey(DECISION_KEY)
                .variables(Map.of(
                        "critical", critical,
                        "delegateKind", delegateKind,
                        "requestedHours", hours(requested)))
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
