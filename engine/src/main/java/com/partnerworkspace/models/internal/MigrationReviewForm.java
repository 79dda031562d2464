package com.partnerworkspace.models.internal;

import com.partnerworkspace.inbox.SubjectTaskForm;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** "Review migration" in the inbox: four eyes, a comment when rejecting; the plan and the count to read. */
@Component
class MigrationReviewForm extends SubjectTaskForm<Migration> {

    private final Migrations migrations;
    private final RuntimeService runtime;

    MigrationReviewForm(Migrations migrations, RuntimeService runtime) {
        super(Migrations.PROCESS, "Task_ReviewMigration");
        this.migrations = migrations;
        this.runtime = runtime;
    }

    @Override
    protected Migration subjectOf(Task task) {
        return migrations.find((String) runtime.getVariable(task.getExecutionId(), "migrationId"));
    }

    @Override
    protected String summaryOf(Migration migration) {
        return migration.author() + " migrates " + migration.report().instances() + " instance(s) of " + migration.key()
                + " from version " + migration.from() + " to " + migration.to();
    }

    @Override
    protected String partnerOf(Migration migration) {
        return null;
    }

    @Override
    protected Map<String, Object> contextOf(Migration migration) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("migrationId", migration.id());
        context.put("key", migration.key());
        context.put("from", migration.from());
        context.put("to", migration.to());
        context.put("instances", migration.report().instances());
        context.put("author", migration.author());
        return context;
    }

    @Override
    public List<Field> fields() {
        return DECISION_FIELDS;
    }

    @Override
    protected void checkMayDecide(WorkspaceUser user, Migration migration) {
        if (user.username().equals(migration.author())) {
            throw notAllowed("four-eyes", "You cannot review a migration you proposed; another ops person must.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Migration migration, Map<String, Object> submitted) {
        Decision decision = decisionOf(submitted);
        return Map.of("approved", decision.approved(), "comment", decision.comment(), "reviewer", user.username());
    }
}
