package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.delegations.internal.DelegationRequestValidator.ValidRequest;
import com.partnerworkspace.delegations.internal.ScopeCatalogue.Scope;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acts of people on delegations: request, confirm with MFA, decide, revoke; and the end of a
 * delegation whose connection was revoked. Each act changes the record, drives the process and writes its
 * audit entry in one transaction.
 */
@Service
class DelegationService {

    /** Process variable: the delegation ended because its connection was revoked. */
    static final String ENDED_WITH_CONNECTION = "endedWithConnection";

    /** How fresh the MFA step-up must be to confirm a request. */
    static final Duration MFA_MAX_AGE = Duration.ofMinutes(5);

    private final DelegationRequestValidator validator;
    private final DelegationRepository repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskWork taskWork;
    private final PartnerAccess partnerAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DelegationService(
            DelegationRequestValidator validator,
            DelegationRepository repository,
            RuntimeService runtime,
            TaskService tasks,
            TaskWork taskWork,
            PartnerAccess partnerAccess,
            ApplicationEventPublisher events,
            Clock clock) {
        this.validator = validator;
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.taskWork = taskWork;
        this.partnerAccess = partnerAccess;
        this.events = events;
        this.clock = clock;
    }

    /** A request that passed the controller's validation (Bean Validation and {@link DelegationRequestValidator}). */
    @Transactional
    Delegation request(WorkspaceUser requester, DelegationRequest request) {
        if (!requester.hasRole("partner") || requester.partner() == null) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "delegation-not-allowed", "Only a partner can delegate their access.");
        }
        ValidRequest valid = validator.read(requester, request);
        Instant now = clock.instant();
        Delegation delegation = new Delegation(
                UUID.randomUUID().toString(),
                requester.partner(),
                requester.username(),
                valid.delegate(),
                valid.botName(),
                null,
                valid.scopes().stream().map(Scope::name).toList(),
                valid.connection() == null ? null : valid.connection().id(),
                valid.duration(),
                valid.justification(),
                valid.policy().mfaRequired() ? DelegationState.AWAITING_MFA : DelegationState.AWAITING_APPROVAL,
                valid.policy().mfaRequired(),
                valid.policy().approvalsRequired(),
                now,
                null,
                null);
        repository.insert(delegation);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("delegationId", delegation.id());
        variables.put("partner", delegation.partner());
        variables.put("requester", delegation.requester());
        variables.put("delegateKind", valid.delegateKind());
        variables.put("critical", valid.critical());
        variables.put("requestedHours", DelegationPolicy.hours(valid.duration()));
        variables.put("requestDeadline", Date.from(now.plus(valid.policy().requestTimeout())));
        variables.put("approvalsGiven", 0);
        runtime.startProcessInstanceByKey(Delegation.PROCESS_KEY, delegation.id(), variables);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delegate", delegation.delegateLabel());
        details.put("scopes", delegation.scopes());
        if (delegation.connection() != null) {
            details.put("connection", delegation.connection());
        }
        details.put("duration", delegation.duration().toString());
        details.put("justification", delegation.justification());
        details.put("mfaRequired", delegation.mfaRequired());
        details.put("approvalsRequired", delegation.approvalsRequired());
        audit(requester.username(), delegation, "delegation.requested", details);
        return delegation;
    }

    @Transactional
    Delegation confirmMfa(WorkspaceUser user, String id) {
        Delegation delegation = visible(user, id);
        if (!delegation.requester().equals(user.username())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "not-the-requester", "Only the person who asked can confirm the request.");
        }
        if (delegation.state() != DelegationState.AWAITING_MFA) {
            throw Refusal.of(
                    HttpStatus.CONFLICT,
                    "mfa-not-awaited",
                    "The request is " + delegation.state() + ", not awaiting MFA.");
        }
        partnerAccess.requireFreshMfa(user, MFA_MAX_AGE);
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_ConfirmWithMfa")
                .singleResult();
        if (task == null) {
            throw Refusal.of(HttpStatus.CONFLICT, "mfa-not-awaited", "The request is no longer waiting for MFA.");
        }
        recordMfaConfirmed(user, delegation);
        taskWork.complete(task.getId(), Map.of(), user.username());
        return repository.find(id).orElseThrow();
    }

    /** The MFA task is done: the request moves on to its approvers. Also used by the inbox form. */
    void recordMfaConfirmed(WorkspaceUser user, Delegation delegation) {
        repository.changeState(
                delegation.id(), Set.of(DelegationState.AWAITING_MFA), DelegationState.AWAITING_APPROVAL);
        audit(
                user.username(),
                delegation,
                "delegation.mfa-confirmed",
                Map.of("acr", String.valueOf(user.acr()), "authTime", String.valueOf(user.authTime())));
    }

    @Transactional
    Delegation revoke(WorkspaceUser user, String id) {
        Delegation delegation = visible(user, id);
        if (!partnerAccess.mayActFor(user, delegation.partner())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "not-allowed-to-revoke", "Only the partner or ops can revoke a delegation.");
        }
        // The state changes first, in this transaction: the grant stops counting at once, even with
        // tokens issued before; the process then removes it from Keycloak.
        if (!repository.changeState(id, DelegationState.OPEN, DelegationState.REVOKED)) {
            throw Refusal.of(
                    HttpStatus.CONFLICT, "delegation-closed", "The delegation is already " + delegation.state() + ".");
        }
        runtime.createMessageCorrelation("DelegationRevoked")
                .processInstanceBusinessKey(id)
                .setVariable("revokedBy", user.username())
                .correlate();
        audit(
                user.username(),
                delegation,
                "delegation.revoked",
                Map.of("previousState", delegation.state().name()));
        return repository.find(id).orElseThrow();
    }

    /**
     * Ends a delegation limited to a connection that was revoked, the way a revoke does: it stops counting
     * at once, and the process removes the grant in Keycloak and tells the requester and the delegate.
     * Its own transaction, so that one delegation busy in its process delays no other. A delegation that
     * has ended already is left as it is.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void endWithConnection(String id) {
        Delegation delegation = repository.find(id).orElseThrow(DelegationService::noSuchDelegation);
        if (!repository.changeState(id, DelegationState.OPEN, DelegationState.REVOKED)) {
            return;
        }
        runtime.createMessageCorrelation("DelegationRevoked")
                .processInstanceBusinessKey(id)
                .setVariable("revokedBy", AuditEvent.SYSTEM)
                .setVariable(ENDED_WITH_CONNECTION, true)
                .correlate();
        audit(
                AuditEvent.SYSTEM,
                delegation,
                "delegation.ended",
                Map.of(
                        "reason", "connection revoked",
                        "connection", delegation.connection(),
                        "previousState", delegation.state().name()));
    }

    /**
     * Records an approver's decision as "Approve delegation" completes, whichever client completes it
     * (the inbox or Camunda's Tasklist): four eyes are checked here, in the engine's transaction.
     *
     * @throws Refusal (403) for the requester, the delegate, a second decision by the same
     *     approver, or a task nobody claimed
     */
    void recordDecision(String delegationId, String approver, boolean approved, String comment) {
        Delegation delegation = repository.find(delegationId).orElseThrow(DelegationService::noSuchDelegation);
        if (approver == null) {
            throw Refusal.of(HttpStatus.FORBIDDEN, "four-eyes", "Claim the task before deciding it.");
        }
        if (approver.equals(delegation.requester()) || approver.equals(delegation.delegate())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "four-eyes",
                    "You cannot decide a delegation you asked for or that is for you.");
        }
        if (!mayDecide(approver, delegation)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "already-decided",
                    "You have decided this delegation already; another approver must decide.");
        }
        repository.addApproval(delegationId, new Approval(approver, approved, comment, clock.instant()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("comment", comment == null ? "" : comment);
        audit(approver, delegation, approved ? "delegation.approved" : "delegation.rejected", details);
    }

    /**
     * The delegation if the user may see it: the partner's owners, ops, the requester, the delegate and
     * approvers; for anyone else it does not exist (404, so ids of other partners leak nothing).
     */
    Delegation visible(WorkspaceUser user, String id) {
        Delegation delegation = repository.find(id).orElseThrow(DelegationService::noSuchDelegation);
        boolean visible = partnerAccess.mayActFor(user, delegation.partner())
                || user.username().equals(delegation.requester())
                || user.username().equals(delegation.delegate())
                || user.hasRole("approver");
        if (!visible) {
            throw noSuchDelegation();
        }
        return delegation;
    }

    static Refusal noSuchDelegation() {
        return Refusal.notFound("delegation-not-found", "There is no such delegation.");
    }

    List<Delegation> list(WorkspaceUser user, String view) {
        return switch (view) {
            case "mine" ->
                user.hasRole("partner") && user.partner() != null
                        ? repository.ofPartner(user.partner())
                        : repository.requestedBy(user.username());
            case "to-approve" ->
                user.hasRole("approver")
                        ? repository.inState(DelegationState.AWAITING_APPROVAL).stream()
                                .filter(delegation -> mayDecide(user.username(), delegation))
                                .toList()
                        : List.of();
            case "granted-to-me" -> repository.delegatedTo(user.username());
            default -> throw Refusal.invalid(Map.of("view", "must be mine, to-approve or granted-to-me"));
        };
    }

    /** Four eyes: never the requester, never the delegate, and each approver once. */
    boolean mayDecide(String username, Delegation delegation) {
        return !username.equals(delegation.requester())
                && !username.equals(delegation.delegate())
                && repository.approvalsOf(delegation.id()).stream()
                        .noneMatch(a -> a.approver().equals(username));
    }

    /** Tasks of delegation-approval carry the delegation id as their process's business key. */
    String delegationIdOf(Task task) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
    }

    void audit(String actor, Delegation delegation, String action, Map<String, Object> details) {
        events.publishEvent(new AuditEvent(actor, delegation.partner(), action, delegation.target(), details));
    }
}
