package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.audit.AuditEntries;
import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** What a decider sees around a task: where its process stands on the diagram, and what happened so far. */
@Service
class TaskDetails {

    /** Activities worth a line in a task's history: the steps a person reads, not the wiring between them. */
    private static final List<String> STEP_TYPES =
            List.of("startEvent", "userTask", "serviceTask", "businessRuleTask", "sendTask", "endEvent");

    /** At most this many audit entries of the partner are looked through for a task's history. */
    private static final int AUDIT_LOOKBACK = 500;

    private final Inbox inbox;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuditEntries audit;
    private final Map<String, String> modelByDefinition = new ConcurrentHashMap<>();

    TaskDetails(
            Inbox inbox,
            RepositoryService repository,
            RuntimeService runtime,
            HistoryService history,
            AuditEntries audit) {
        this.inbox = inbox;
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
    }

    record Diagram(
            @Schema(description = "The BPMN 2.0 XML of the task's process version")
            String xml,

            @Schema(description = "Where the process waits now (this task among them)")
            List<String> activeActivityIds,

            @Schema(description = "Steps the process has passed, first to last")
            List<String> completedActivityIds) {}

    record HistoryEntry(
            Instant at,

            @Schema(nullable = true, description = "Who did it; null for the engine's own steps")
            String who,

            String what,
            @Schema(nullable = true) String activityId) {}

    Diagram diagram(WorkspaceUser user, String taskId) {
        Task task = inbox.visibleTask(user, taskId);
        String processInstanceId = task.getProcessInstanceId();
        List<String> completed = history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .finished()
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .distinct()
                .toList();
        return new Diagram(
                modelOf(task.getProcessDefinitionId()), runtime.getActiveActivityIds(processInstanceId), completed);
    }

    /**
     * The process's steps so far, who took or gave back this task, and the audit trail's entries about the
     * task or the process's subject (its business key, e.g. {@code delegation/<id>}), oldest first.
     */
    List<HistoryEntry> history(WorkspaceUser user, String taskId) {
        Task task = inbox.visibleTask(user, taskId);
        List<HistoryEntry> entries = new ArrayList<>(auditedAbout(task));
        history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
                .filter(step -> STEP_TYPES.contains(step.getActivityType()))
                .forEach(step -> entries.addAll(linesOf(step)));
        history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.ASSIGNEE).list().stream()
                .map(TaskDetails::assignment)
                .forEach(entries::add);
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    private List<HistoryEntry> auditedAbout(Task task) {
        String partner = inbox.partnerOf(task);
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (partner == null || process == null) {
            return List.of();
        }
        String subject = process.getBusinessKey();
        return audit.recent(partner, instant(process.getStartTime()), AUDIT_LOOKBACK).stream()
                .filter(entry -> entry.target() != null)
                .filter(entry -> entry.target().equals("task/" + task.getId())
                        || (subject != null && entry.target().endsWith("/" + subject)))
                .map(entry -> new HistoryEntry(entry.at(), entry.actor(), entry.action(), null))
                .toList();
    }

    private static List<HistoryEntry> linesOf(HistoricActivityInstance step) {
        String name = step.getActivityName() == null ? step.getActivityId() : step.getActivityName();
        String who = "userTask".equals(step.getActivityType()) ? step.getAssignee() : null;
        List<HistoryEntry> lines = new ArrayList<>();
        lines.add(new HistoryEntry(instant(step.getStartTime()), null, name + ": started", step.getActivityId()));
        if (step.getEndTime() != null) {
            String outcome = step.isCanceled() ? ": cancelled" : ": done";
            lines.add(new HistoryEntry(instant(step.getEndTime()), who, name + outcome, step.getActivityId()));
        }
        return lines;
    }

    private static HistoryEntry assignment(HistoricIdentityLinkLog change) {
        boolean took = "add".equals(change.getOperationType());
        return new HistoryEntry(
                instant(change.getTime()), change.getUserId(), took ? "took the task" : "gave the task back", null);
    }

    private String modelOf(String processDefinitionId) {
        return modelByDefinition.computeIfAbsent(processDefinitionId, id -> {
            try (InputStream model = repository.getProcessModel(id)) {
                return new String(model.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
