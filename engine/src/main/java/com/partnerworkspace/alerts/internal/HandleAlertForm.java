package com.partnerworkspace.alerts.internal;

import com.partnerworkspace.inbox.TaskForm;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** "Handle unacknowledged alert" in the ops inbox: completing it acknowledges the alert as ops. */
@Component
class HandleAlertForm implements TaskForm {

    private final AlertService alerts;
    private final RuntimeService runtime;
    private final AlertRepository repository;

    HandleAlertForm(AlertService alerts, RuntimeService runtime, AlertRepository repository) {
        this.alerts = alerts;
        this.runtime = runtime;
        this.repository = repository;
    }

    @Override
    public String processKey() {
        return Alert.PROCESS_KEY;
    }

    @Override
    public String taskKey() {
        return "Task_HandleUnacknowledgedAlert";
    }

    @Override
    public String summary(Task task) {
        Alert alert = alertOf(task);
        return "Unacknowledged " + alert.severity() + " alert for " + alert.partner() + ": " + alert.summary();
    }

    @Override
    public String partner(Task task) {
        return alertOf(task).partner();
    }

    @Override
    public Map<String, Object> context(Task task) {
        Alert alert = alertOf(task);
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
    public void checkMayDecide(WorkspaceUser user, Task task) {
        if (!user.hasRole("ops")) {
            throw Refusal.of(HttpStatus.FORBIDDEN, "not-ops", "Only operations staff handle escalated alerts.");
        }
    }

    @Override
    public Map<String, Object> complete(WorkspaceUser user, Task task, Map<String, Object> submitted) {
        Object reason = submitted == null ? null : submitted.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "reason must be text.");
        }
        alerts.acknowledgedByOps(user, alertOf(task), (String) reason);
        return Map.of("outcome", "handled");
    }

    private Alert alertOf(Task task) {
        String id = (String) runtime.getVariable(task.getExecutionId(), "alertId");
        return repository.find(id).orElseThrow(AlertRefusedException::notFound);
    }
}
