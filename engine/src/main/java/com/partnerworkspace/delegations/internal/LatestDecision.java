package com.partnerworkspace.delegations.internal;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The id of the latest deployed version of a decision: what the feature's caches are keyed by, so a
 * table ops deploy takes effect with the next request, no restart.
 */
@Component
class LatestDecision {

    private final RepositoryService repository;

    LatestDecision(RepositoryService repository) {
        this.repository = repository;
    }

    String idOf(String decisionKey) {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey)
                .latestVersion()
                .singleResult()
                .getId();
    }
}
