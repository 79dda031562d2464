package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/delegation-policy.dmn", "processes/delegation-scopes.dmn"})
class DelegationDecisionsTest {

    @Test
    void criticalScopesNeedMfaAndTwoApprovals() {
        Map<String, Object> policy = policy(true, "person", 4);

        assertThat(policy).containsEntry("mfaRequired", true).containsEntry("approvalsRequired", 2);
        assertThat(policy).containsEntry("maxDuration", "PT12H").containsEntry("minJustificationLength", 20);
        assertThat(policy).containsEntry("requestTimeout", "PT24H");
    }

    @Test
    void criticalRequestsComeFirstInTheApproversInbox() {
        assertThat(policy(true, "bot", 4)).containsEntry("priority", 90);
        assertThat(policy(true, "person", 4)).containsEntry("priority", 80);
        assertThat(policy(false, "person", 24 * 14)).containsEntry("priority", 60);
        assertThat(policy(false, "person", 8)).containsEntry("priority", 50);
    }

    @Test
    void criticalScopesForABotMayLastADay() {
        assertThat(policy(true, "bot", 4)).containsEntry("maxDuration", "P1D").containsEntry("approvalsRequired", 2);
    }

    @Test
    void routineAccessNeedsOneApproverAndNoMfa() {
        assertThat(policy(false, "person", 8))
                .containsEntry("mfaRequired", false)
                .containsEntry("approvalsRequired", 1)
                .containsEntry("minJustificationLength", 0);
    }

    @Test
    void longNonCriticalGrantsNeedMfa() {
        assertThat(policy(false, "person", 24 * 14))
                .containsEntry("mfaRequired", true)
                .containsEntry("approvalsRequired", 1);
    }

    @Test
    void theCatalogueListsEveryScopeWithItsCriticality() {
        List<Map<String, Object>> scopes = decisionService()
                .evaluateDecisionTableByKey("delegation-scopes")
                .evaluate()
                .getResultList();

        assertThat(scopes)
                .extracting(scope -> scope.get("name"))
                .containsExactly(
                        "orders:read",
                        "orders:place",
                        "positions:read",
                        "credentials:view-status",
                        "credentials:rotate",
                        "credentials:reveal",
                        "alerts:manage");
        assertThat(scopes)
                .filteredOn(scope -> Boolean.TRUE.equals(scope.get("critical")))
                .extracting(scope -> scope.get("name"))
                .containsExactly("orders:place", "credentials:rotate", "credentials:reveal");
    }

    private static Map<String, Object> policy(boolean critical, String delegateKind, double requestedHours) {
        return decisionService()
                .evaluateDecisionTableByKey(
                        "delegation-policy",
                        Map.of("critical", critical, "delegateKind", delegateKind, "requestedHours", requestedHours))
                .getSingleResult()
                .getEntryMap();
    }
}
