package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.inbox.WaitingTasks;
import com.partnerworkspace.security.WorkspaceUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * For approvers: the approvals waiting for them, oldest first with their age (found by the inbox's own query,
 * not Camunda's task query, which joins and de-duplicates every open task for "mine or my groups'"), and how
 * long they took to decide, as the median of their last 100 decisions.
 */
@Component
class ApprovalsWidget implements Widget {

    static final String APPROVAL_PROCESS = "delegation-approval";
    static final int WAITING = 50;
    static final int DECISIONS = 100;

    @Schema(description = "approvals: waiting approvals, oldest first, and the caller's median decision time")
    record ApprovalsData(
            List<Waiting> waiting,

            @Schema(nullable = true, description = "Median seconds from task created to decided, last 100")
            Long myMedianDecisionSeconds,

            int decisionsCounted) {}

    record Waiting(String taskId, String name, java.time.Instant createdAt, long ageSeconds) {}

    private final WaitingTasks tasks;
    private final HistoryService history;

    ApprovalsWidget(WaitingTasks tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public String id() {
        return "approvals";
    }

    @Override
    public boolean visibleTo(WorkspaceUser user) {
        return user.hasRole("approver") || user.hasRole("ops");
    }

    @Override
    public boolean partnerScoped() {
        return false;
    }

    @Override
    public ApprovalsData data(WidgetQuery query) {
        WorkspaceUser user = query.user();
        List<Waiting> waiting = tasks.oldest(user, APPROVAL_PROCESS, WAITING).stream()
                .map(task -> waiting(task, query))
                .toList();
        List<Long> decided = history
                .createHistoricTaskInstanceQuery()
                .processDefinitionKey(APPROVAL_PROCESS)
                .taskAssignee(user.username())
                .finished()
                .orderByHistoricTaskInstanceEndTime()
                .desc()
                .listPage(0, DECISIONS)
                .stream()
                .map(HistoricTaskInstance::getDurationInMillis)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
        Long median = decided.isEmpty() ? null : decided.get((decided.size() - 1) / 2) / 1000;
        return new ApprovalsData(waiting, median, decided.size());
    }

    private static Waiting waiting(WaitingTasks.Waiting task, WidgetQuery query) {
        return new Waiting(
                task.taskId(),
                task.name(),
                task.createdAt(),
                Math.max(0, Duration.between(task.createdAt(), query.now()).toSeconds()));
    }
}
