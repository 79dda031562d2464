package com.partnerworkspace.models.internal;

import com.partnerworkspace.inbox.SubjectTaskForm;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Review model change" in the inbox: four eyes (the author never decides their own change), a comment
 * when rejecting. The diff itself is read from {@code GET /api/models/drafts/{id}/diff}.
 */
@Component
class ModelReviewForm extends SubjectTaskForm<Draft> {

    private final ModelChanges changes;
    private final RuntimeService runtime;

    ModelReviewForm(ModelChanges changes, RuntimeService runtime) {
        super(ModelChanges.PROCESS, "Task_ReviewModelChange");
        this.changes = changes;
        this.runtime = runtime;
    }

    @Override
    protected Draft subjectOf(Task task) {
        return changes.find((String) runtime.getVariable(task.getExecutionId(), "draftId"));
    }

    @Override
    protected String summaryOf(Draft draft) {
        return draft.author() + " changes " + draft.type() + " model " + draft.key();
    }

    @Override
    protected String partnerOf(Draft draft) {
        return null;
    }

    @Override
    protected Map<String, Object> contextOf(Draft draft) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("draftId", draft.id());
        context.put("key", draft.key());
        context.put("type", draft.type().name());
        context.put("author", draft.author());
        context.put("baseVersion", draft.baseVersion());
        return context;
    }

    @Override
    public List<Field> fields() {
        return DECISION_FIELDS;
    }

    @Override
    protected void checkMayDecide(WorkspaceUser user, Draft draft) {
        if (user.username().equals(draft.author())) {
            throw notAllowed("four-eyes", "You cannot review a model change you made; another ops person must.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Draft draft, Map<String, Object> submitted) {
        Decision decision = decisionOf(submitted);
        return Map.of("approved", decision.approved(), "comment", decision.comment(), "reviewer", user.username());
    }
}
