package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** "Approve delegation" in the inbox: four eyes, each approver once, a comment when rejecting. */
@Component
class ApprovalForm extends DelegationTaskForm {

    static final int MAX_COMMENT = 2000;

    ApprovalForm(DelegationService delegations, DelegationRepository repository) {
        super(delegations, repository);
    }

    @Override
    public String taskKey() {
        return "Task_ApproveDelegation";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("approved", "boolean", "Approve", true),
                new Field("comment", "string", "Comment (required when rejecting)", false));
    }

    @Override
    public void checkMayDecide(WorkspaceUser user, Task task) {
        Delegation delegation = delegationOf(task);
        if (user.username().equals(delegation.requester()) || user.username().equals(delegation.delegate())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "four-eyes",
                    "You cannot decide a delegation you asked for or that is for you.");
        }
        if (!delegations.mayDecide(user.username(), delegation)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "already-decided",
                    "You have decided this delegation already; another approver must decide.");
        }
    }

    @Override
    public Map<String, Object> complete(WorkspaceUser user, Task task, Map<String, Object> submitted) {
        Object approved = submitted.get("approved");
        Object comment = submitted.get("comment");
        for (String field : submitted.keySet()) {
            if (!field.equals("approved") && !field.equals("comment")) {
                throw Refusal.of(
                        HttpStatus.BAD_REQUEST, "invalid-request", "Field '" + field + "' is not a known field.");
            }
        }
        if (!(approved instanceof Boolean decision)) {
            throw Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Field 'approved' must be true or false.");
        }
        if (comment != null && !(comment instanceof String)) {
            throw Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Field 'comment' must be text.");
        }
        String text = comment == null ? "" : ((String) comment).strip();
        if (text.length() > MAX_COMMENT) {
            throw Refusal.of(
                    HttpStatus.BAD_REQUEST, "invalid-request", "Field 'comment' must be at most 2000 characters.");
        }
        if (!decision && text.isEmpty()) {
            throw Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Field 'comment' must say why when rejecting.");
        }
        // The decision itself is recorded (and four eyes enforced) by the model's task listener.
        return Map.of("approved", decision, "comment", text);
    }
}
