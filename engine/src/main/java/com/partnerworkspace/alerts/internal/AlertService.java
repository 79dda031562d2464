package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.alerts.AlertCleared;
import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.alerts.AlertRaised.Severity;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising, acknowledging and resolving alerts. A raise with the key of an open alert only counts (no
 * second notification); a new one starts {@code alert-escalation}, which notifies and escalates until
 * someone acknowledges or the condition is resolved.
 */
@Service
class AlertService {

    static final String ALERTS_SCOPE = "alerts:manage";
    private static final int RECENT = 200;
    private final AlertRepository repository;
    private final AlertPolicy policy;
    private final AckLinks ackLinks;
    private final PartnerAccess partnerAccess;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskWork taskWork;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertService(
            AlertRepository repository,
            AlertPolicy policy,
            AckLinks ackLinks,
            PartnerAccess partnerAccess,
            RuntimeService runtime,
            TaskService tasks,
            TaskWork taskWork,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.ackLinks = ackLinks;
        this.partnerAccess = partnerAccess;
        this.runtime = runtime;
        this.tasks = tasks;
        this.taskWork = taskWork;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Alert raise(AlertRaised raised) {
        var open = repository.openWithKeyForUpdate(raised.key());
        if (open.isPresent()) {
            repository.repeated(open.get().id(), clock.instant());
            return repository.find(open.get().id()).orElseThrow();
        }
        Alert alert = new Alert(
                UUID.randomUUID().toString(),
                raised.partner(),
                raised.type(),
                raised.resource(),
                raised.severity(),
                raised.summary(),
                Alert.AlertState.OPEN,
                1,
                1,
                clock.instant(),
                clock.instant(),
                null,
                null,
                null,
                null,
                null);
        repository.insert(alert);
        runtime.startProcessInstanceByKey(
                Alert.PROCESS_KEY,
                alert.id(),
                Map.of(
                        "alertId", alert.id(),
                        "partner", alert.partner(),
                        "severity", alert.severity().name(),
                        "level", 1,
                        "maxLevel", 2 * Math.max(1, policy.escalationRepeats()),
                        "deliveryRetryCycle", policy.deliveryRetryCycle()));
        audit(
                AuditEvent.SYSTEM,
                alert,
                "alert.raised",
                Map.of("type", alert.type(), "severity", alert.severity().name()));
        return alert;
    }

    /** The condition is gone: the open alert with this key (if any) is resolved by the system. */
    @Transactional
    void clear(AlertCleared cleared) {
        repository.openWithKeyForUpdate(cleared.key()).ifPresent(alert -> {
            if (repository.resolve(alert.id(), AuditEvent.SYSTEM, clock.instant())) {
                endEscalation(alert.id(), "AlertResolved", AuditEvent.SYSTEM);
                audit(AuditEvent.SYSTEM, alert, "alert.resolved", Map.of("reason", "condition cleared"));
            }
        });
    }

    /** Ops raise a test alert for a partner: the same path as a real one. */
    @Transactional
    Alert raiseTest(WorkspaceUser user, String partner, Severity severity) {
        if (!user.hasRole("ops")) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "alert-test-not-allowed", "Only operations staff raise test alerts.");
        }
        if (partner == null || !partner.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
            throw Refusal.invalid("partner", "must be a partner id such as nitin");
        }
        if (severity == null) {
            throw Refusal.invalid("severity", "must be INFO, WARNING or CRITICAL");
        }
        Alert alert = raise(new AlertRaised(
                partner,
                "test",
                "test/" + UUID.randomUUID(),
                severity,
                "Test alert raised by " + user.username(),
                Map.of("raisedBy", user.username())));
        audit(user.username(), alert, "alert.test-raised", Map.of("severity", severity.name()));
        return alert;
    }

    @Transactional
    Alert acknowledge(WorkspaceUser user, String id, String reason) {
        Alert alert = visible(user, id);
        if (reason != null && reason.length() > 500) {
            throw Refusal.invalid("reason", "must be at most 500 characters");
        }
        if (!repository.acknowledge(id, user.username(), blankToNull(reason), clock.instant())) {
            throw closed(alert);
        }
        endEscalation(id, "AlertAcknowledged", user.username());
        audit(
                user.username(),
                alert,
                "alert.acknowledged",
                reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason));
        return repository.find(id).orElseThrow();
    }

    /** What an acknowledgement link is about (it is not used by looking). */
    LinkedAlert byLink(String token) {
        AckLinks.Link link = ackLinks.open(token);
        return new LinkedAlert(repository.find(link.alertId()).orElseThrow(AlertService::notFound), link);
    }

    record LinkedAlert(Alert alert, AckLinks.Link link) {}

    /**
     * Acknowledges through a link from a message: no login, the signed link is the authority; it works
     * once. Audited with the channel and level the link was sent on.
     */
    @Transactional
    LinkedAlert acknowledgeByLink(String token, String reason) {
        AckLinks.Link link = ackLinks.open(token);
        Alert alert = repository.find(link.alertId()).orElseThrow(AlertService::notFound);
        if (reason != null && reason.length() > 500) {
            throw Refusal.invalid("reason", "must be at most 500 characters");
        }
        ackLinks.use(link);
        String actor = "link:" + link.channel();
        if (!repository.acknowledge(alert.id(), actor, blankToNull(reason), clock.instant())) {
            throw closed(alert);
        }
        endEscalation(alert.id(), "AlertAcknowledged", actor);
        Map<String, Object> details =
                new java.util.HashMap<>(Map.of("via", "link", "channel", link.channel(), "level", link.level()));
        if (reason != null && !reason.isBlank()) {
            details.put("reason", reason);
        }
        audit(actor, alert, "alert.acknowledged", details);
        return new LinkedAlert(repository.find(alert.id()).orElseThrow(), link);
    }

    /** Ops close the escalated alert from their inbox task (which ends the escalation itself). */
    void acknowledgedByOps(WorkspaceUser user, Alert alert, String reason) {
        if (repository.acknowledge(alert.id(), user.username(), blankToNull(reason), clock.instant())) {
            audit(user.username(), alert, "alert.acknowledged", Map.of("by", "operations"));
        }
    }

    @Transactional
    Alert resolve(WorkspaceUser user, String id) {
        Alert alert = visible(user, id);
        if (!repository.resolve(id, user.username(), clock.instant())) {
            throw closed(alert);
        }
        endEscalation(id, "AlertResolved", user.username());
        audit(user.username(), alert, "alert.resolved", Map.of());
        return repository.find(id).orElseThrow();
    }

    /** Recent alerts the user may see: ops all, others their own partner's and those a live alerts:manage grant covers. */
    List<Alert> recentFor(WorkspaceUser user) {
        PartnerAccess.Reach reach = partnerAccess.reachFor(user, ALERTS_SCOPE);
        List<Alert> candidates = reach.everyPartner()
                ? repository.recentOfAll(RECENT)
                : reach.partners().stream()
                        .flatMap(partner -> repository.recent(partner, RECENT).stream())
                        .sorted(Comparator.comparing(Alert::raisedAt).reversed())
                        .limit(RECENT)
                        .toList();
        return candidates.stream().filter(alert -> mayManage(user, alert)).toList();
    }

    Alert visible(WorkspaceUser user, String id) {
        Alert alert = repository.find(id).orElseThrow(AlertService::notFound);
        if (!mayManage(user, alert)) {
            throw notFound();
        }
        return alert;
    }

    private boolean mayManage(WorkspaceUser user, Alert alert) {
        return partnerAccess.mayActFor(user, alert.partner(), ALERTS_SCOPE);
    }

    /** Waiting for an acknowledgement: the message ends it; at ops: the task is closed with it. */
    private void endEscalation(String id, String message, String actor) {
        boolean waiting = runtime.createProcessInstanceQuery()
                        .processDefinitionKey(Alert.PROCESS_KEY)
                        .processInstanceBusinessKey(id)
                        .activityIdIn("Gateway_WaitForAcknowledgement")
                        .count()
                > 0;
        if (waiting) {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(id)
                    .correlate();
            return;
        }
        for (Task task : tasks.createTaskQuery()
                .processDefinitionKey(Alert.PROCESS_KEY)
                .processInstanceBusinessKey(id)
                .list()) {
            taskWork.complete(task.getId(), Map.of("outcome", message), actor);
        }
        // Otherwise a notification job is running: it ends at the gateway, where the closed alert ends it.
    }

    private Refusal closed(Alert alert) {
        Alert now = repository.find(alert.id()).orElse(alert);
        return Refusal.of(
                HttpStatus.CONFLICT,
                "alert-closed",
                "The alert is " + now.state().name().toLowerCase() + " already.");
    }

    static Refusal notFound() {
        return Refusal.notFound("alert-not-found", "There is no such alert.");
    }

    private void audit(String actor, Alert alert, String action, Map<String, Object> details) {
        events.publishEvent(new AuditEvent(actor, alert.partner(), action, "alert/" + alert.id(), details));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
