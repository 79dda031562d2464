package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.inbox.SubjectTaskForm;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** "Handle unacknowledged alert" in the ops inbox: completing it acknowledges the alert as ops. */
@Component
class HandleAlertForm extends SubjectTaskForm<Alert> {

    private final AlertService alerts;
    private final RuntimeService runtime;
    private final AlertRepository repository;

    HandleAlertForm(AlertService alerts, RuntimeService runtime, AlertRepository repository) {
        super(Alert.PROCESS_KEY, "Task_HandleUnacknowledgedAlert");
        this.alerts = alerts;
        this.runtime = runtime;
        this.repository = repository;
    }

    @Override
    protected String summaryOf(Alert alert) {
        return "Unacknowledged " + alert.severity() + " alert for " + alert.partner() + ": " + alert.summary();
    }

    @Override
    protected String partnerOf(Alert alert) {
        return alert.partner();
    }

    @Override
    protected Map<String, Object> contextOf(Alert alert) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("partner", alert.partner());
        context.put("type", alert.type());
        context.put("resource", alert.resource());
        context.put("severity", alert.severity().name());
        context.put("raisedAt", alert.raisedAt().toString());
        context.put("count", alert.count());
        return context;
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("reason", "string", "What was done (optional)", false));
    }

    @Override
    protected void checkMayDecide(WorkspaceUser user, Alert alert) {
        if (!user.hasRole("ops")) {
            throw notAllowed("not-ops", "Only operations staff handle escalated alerts.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Alert alert, Map<String, Object> submitted) {
        String reason = valueOf(submitted, "reason", String.class, "reason must be text.");
        alerts.acknowledgedByOps(user, alert, reason);
        return Map.of("outcome", "handled");
    }

    @Override
    protected Alert subjectOf(Task task) {
        String id = (String) runtime.getVariable(task.getExecutionId(), "alertId");
        return repository.find(id).orElseThrow(AlertService::notFound);
    }
}
