package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.inbox.SubjectTaskForm;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Fix connection" in the inbox: what the broker said, the guide for it, and the choice to try the
 * broker login again or give up (which cancels the onboarding). Reconnect on the Credentials page
 * answers the same task with "try again".
 */
@Component
class FixConnectionForm extends SubjectTaskForm<Connection> {

    static final List<String> DECISIONS = List.of("retry", "cancel");
    private static final String NOT_A_DECISION = "decision must be \"retry\" or \"cancel\".";

    private final ConnectionService connections;
    private final RuntimeService runtime;
    private final PartnerAccess partnerAccess;

    FixConnectionForm(ConnectionService connections, RuntimeService runtime, PartnerAccess partnerAccess) {
        super(ConnectionService.ONBOARDING, "Task_FixConnection");
        this.connections = connections;
        this.runtime = runtime;
        this.partnerAccess = partnerAccess;
    }

    @Override
    protected Connection subjectOf(Task task) {
        String id = (String) runtime.getVariable(task.getExecutionId(), "connectionId");
        return connections.get(id);
    }

    @Override
    protected String summaryOf(Connection connection) {
        return "Fix connection \"" + connection.label() + "\": " + failureOf(connection).title;
    }

    @Override
    protected String partnerOf(Connection connection) {
        return connection.partner();
    }

    @Override
    protected Map<String, Object> contextOf(Connection connection) {
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
    protected void checkMayDecide(WorkspaceUser user, Connection connection) {
        if (!partnerAccess.mayActFor(user, connection.partner())) {
            throw notAllowed("not-your-connection", "Only the partner or ops can fix this connection.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Connection connection, Map<String, Object> submitted) {
        String decision = valueOf(submitted, "decision", String.class, NOT_A_DECISION);
        if (decision == null || !DECISIONS.contains(decision)) { // List.of refuses to look for null
            throw invalid(NOT_A_DECISION);
        }
        connections.audit(user.username(), connection, "connection.fix-decided", Map.of("decision", decision));
        return Map.of("decision", decision);
    }

    private static Failures failureOf(Connection connection) {
        return connection.failure() == null ? Failures.BROKER_ERROR : Failures.bySlug(connection.failure());
    }
}
