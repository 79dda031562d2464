package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.security.WorkspaceUser;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Approve delegation" in the inbox: four eyes, each approver once, a comment when rejecting. */
@Component
class ApprovalForm extends DelegationTaskForm {

    static final int MAX_COMMENT = 2000;

    ApprovalForm(DelegationService delegations, DelegationRepository repository) {
        super("Task_ApproveDelegation", delegations, repository);
    }

    /** The submitted decision; the comment stripped, empty when none was given. */
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
    public List<Field> fields() {
        return List.of(
                new Field("approved", "boolean", "Approve", true),
                new Field("comment", "string", "Comment (required when rejecting)", false));
    }

    @Override
    protected void checkMayDecide(WorkspaceUser user, Delegation delegation) {
        if (user.username().equals(delegation.requester()) || user.username().equals(delegation.delegate())) {
            throw notAllowed("four-eyes", "You cannot decide a delegation you asked for or that is for you.");
        }
        if (!delegations.mayDecide(user.username(), delegation)) {
            throw notAllowed(
                    "already-decided", "You have decided this delegation already; another approver must decide.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Delegation delegation, Map<String, Object> submitted) {
        requireOnly(submitted, List.of("approved", "comment"));
        Boolean approved = valueOf(submitted, "approved", Boolean.class, Decision.NOT_A_DECISION);
        String comment = valueOf(submitted, "comment", String.class, "Field 'comment' must be text.");
        Decision decision = valid(new Decision(approved, comment == null ? "" : comment.strip()));
        // The decision itself is recorded (and four eyes enforced) by the model's task listener.
        return Map.of("approved", decision.approved(), "comment", decision.comment());
    }
}
