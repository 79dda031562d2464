package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.delegations.internal.DelegationView.ApprovalView;
import com.partnerworkspace.delegations.internal.DelegationView.TimelineEntry;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** Builds what the API shows: the record, its approvals, who may still decide, and the process history. */
@Component
class DelegationViews {

    /** Activities worth a line in the timeline; gateways and the like are not. */
    private static final Set<String> SHOWN_TYPES = Set.of(
            "startEvent",
            "userTask",
            "serviceTask",
            "businessRuleTask",
            "intermediateTimer",
            "boundaryTimer",
            "messageStartEvent",
            "noneEndEvent");

    private final DelegationRepository repository;
    private final DelegationService delegations;
    private final KeycloakDirectory directory;
    private final HistoryService history;
    private final PartnerConnection.Source connections;

    DelegationViews(
            DelegationRepository repository,
            DelegationService delegations,
            KeycloakDirectory directory,
            HistoryService history,
            PartnerConnection.Source connections) {
        this.repository = repository;
        this.delegations = delegations;
        this.directory = directory;
        this.history = history;
        this.connections = connections;
    }

    DelegationView detail(Delegation d) {
        List<ApprovalView> approvals = repository.approvalsOf(d.id()).stream()
                .map(a -> new ApprovalView(a.approver(), a.approved(), a.comment(), a.at()))
                .toList();
        return new DelegationView(
                d.id(),
                d.partner(),
                d.requester(),
                d.delegate(),
                d.isForBot() ? new DelegationView.Bot(d.botName(), d.botClientId()) : null,
                d.scopes(),
                d.connection(),
                d.connection() == null
                        ? null
                        : connections
                                .find(d.connection())
                                .map(PartnerConnection::label)
                                .orElse(null),
                d.duration().toString(),
                d.justification(),
                d.state().name(),
                d.requestedAt(),
                d.grantedAt(),
                d.expiresAt(),
                d.mfaRequired(),
                d.approvalsRequired(),
                approvals,
                eligibleApprovers(d),
                timeline(d));
    }

    private List<String> eligibleApprovers(Delegation d) {
        if (d.state() != DelegationState.AWAITING_MFA && d.state() != DelegationState.AWAITING_APPROVAL) {
            return List.of();
        }
        return directory.withRole("approver").stream()
                .map(Person::username)
                .filter(username -> delegations.mayDecide(username, d))
                .toList();
    }

    private List<TimelineEntry> timeline(Delegation d) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(d.id())
                .processDefinitionKey(Delegation.PROCESS_KEY)
                .singleResult();
        if (instance == null) {
            return List.of();
        }
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .filter(activity -> SHOWN_TYPES.contains(activity.getActivityType()))
                .filter(activity -> activity.getActivityName() != null)
                .map(DelegationViews::entry)
                .toList();
    }

    private static TimelineEntry entry(HistoricActivityInstance activity) {
        java.util.Date at = activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime();
        String name = activity.getActivityName() + (activity.getEndTime() == null ? " (in progress)" : "");
        return new TimelineEntry(at.toInstant(), name, activity.getAssignee());
    }
}
