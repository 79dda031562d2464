package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.inbox.TaskForm;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * "Fix connection" in the inbox: what the broker said, the guide for it, and the choice to try the
 * broker login again or give up (which cancels the onboarding). Reconnect on the Credentials page
 * answers the same task with "try again".
 */
@Component
class FixConnectionForm implements TaskForm {

    static final List<String> DECISIONS = List.of("retry", "cancel");

    private final ConnectionService connections;
    private final RuntimeService runtime;
    private final PartnerAccess partnerAccess;

    FixConnectionForm(ConnectionService connections, RuntimeService runtime, PartnerAccess partnerAccess) {
        this.connections = connections;
        this.runtime = runtime;
        this.partnerAccess = partnerAccess;
    }

    @Override
    public String processKey() {
        return ConnectionService.ONBOARDING;
    }

    @Override
    public String taskKey() {
        return "Task_FixConnection";
    }

    @Override
    public String summary(Task task) {
        Connection connection = connectionOf(task);
        return "Fix connection \"" + connection.label() + "\": " + failureOf(connection).title;
    }

    @Override
    public String partner(Task task) {
        return connectionOf(task).partner();
    }

    @Override
    public Map<String, Object> context(Task task) {
        Connection connection = connectionOf(task);
        Failures failure = failureOf(connection);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("connection", connection.label());
        context.put("broker", connection.broker());
        context.put("state", connection.storedState().name());
        context.put("failure", failure.title);
        context.put("detail", connection.failureDetail() == null ? "" : connection.failureDetail());
        context.put("guide", failure.guide());
        return context;
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("decision", "string", "retry (log in at the broker again) or cancel", true));
    }

    @Override
    public void checkMayDecide(WorkspaceUser user, Task task) {
        if (!partnerAccess.mayActFor(user, connectionOf(task).partner())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "not-your-connection", "Only the partner or ops can fix this connection.");
        }
    }

    @Override
    public Map<String, Object> complete(WorkspaceUser user, Task task, Map<String, Object> submitted) {
        Object decision = submitted == null ? null : submitted.get("decision");
        if (!(decision instanceof String chosen) || !DECISIONS.contains(chosen)) {
            throw Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "decision must be \"retry\" or \"cancel\".");
        }
        connections.audit(user.username(), connectionOf(task), "connection.fix-decided", Map.of("decision", chosen));
        return Map.of("decision", chosen);
    }

    private Connection connectionOf(Task task) {
        String id = (String) runtime.getVariable(task.getExecutionId(), "connectionId");
        return connections.get(id);
    }

    private static Failures failureOf(Connection connection) {
        return connection.failure() == null ? Failures.BROKER_ERROR : Failures.bySlug(connection.failure());
    }
}
