package com.partnerworkspace.models.internal;

import com.partnerworkspace.inbox.SubjectTaskForm;
import com.partnerworkspace.security.WorkspaceUser;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

    private static final int MAX_COMMENT = 2000;

    private final ModelChanges changes;
    private final RuntimeService runtime;

    ModelReviewForm(ModelChanges changes, RuntimeService runtime) {
        super(ModelChanges.PROCESS, "Task_ReviewModelChange");
        this.changes = changes;
        this.runtime = runtime;
    }

    record Decision(
            @NotNull(message = NOT_A_DECISION) Boolean approved,

            @Size(max = MAX_COMMENT, message = "Field 'comment' must be at most 2000 characters.")
            String comment) {

        static final String NOT_A_DECISION = "Field 'approved' must be true or false.";

        @AssertTrue(message = "Field 'comment' must say why when rejecting.")
        boolean isExplained() {
            return approved == null || approved || !comment.isEmpty();
        }
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
        return List.of(
                new Field("approved", "boolean", "Approve", true),
                new Field("comment", "string", "Comment (required when rejecting)", false));
    }

    @Override
    protected void checkMayDecide(WorkspaceUser user, Draft draft) {
        if (user.username().equals(draft.author())) {
            throw notAllowed("four-eyes", "You cannot review a model change you made; another ops person must.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Draft draft, Map<String, Object> submitted) {
        requireOnly(submitted, List.of("approved", "comment"));
        Boolean approved = valueOf(submitted, "approved", Boolean.class, Decision.NOT_A_DECISION);
        String comment = valueOf(submitted, "comment", String.class, "Field 'comment' must be text.");
        Decision decision = valid(new Decision(approved, comment == null ? "" : comment.strip()));
        return Map.of("approved", decision.approved(), "comment", decision.comment(), "reviewer", user.username());
    }
}
