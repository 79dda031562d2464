package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.security.WorkspaceUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Approve delegation" in the inbox: four eyes, each approver once, a comment when rejecting. */
@Component
class ApprovalForm extends DelegationTaskForm {

    ApprovalForm(DelegationService delegations, DelegationRepository repository) {
        super("Task_ApproveDelegation", delegations, repository);
    }

    @Override
    public List<Field> fields() {
        return DECISION_FIELDS;
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
        Decision decision = decisionOf(submitted);
        // The decision itself is recorded (and four eyes enforced) by the model's task listener.
        return Map.of("approved", decision.approved(), "comment", decision.comment());
    }
}
