package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** "Confirm with MFA" from the inbox: the same rule as the API, a fresh MFA login by the requester. */
@Component
class MfaConfirmationForm extends DelegationTaskForm {

    private final PartnerAccess partnerAccess;

    MfaConfirmationForm(DelegationService delegations, DelegationRepository repository, PartnerAccess partnerAccess) {
        super(delegations, repository);
        this.partnerAccess = partnerAccess;
    }

    @Override
    public String taskKey() {
        return "Task_ConfirmWithMfa";
    }

    @Override
    public List<Field> fields() {
        return List.of();
    }

    @Override
    public void checkMayDecide(WorkspaceUser user, Task task) {
        if (!user.username().equals(delegationOf(task).requester())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "not-the-requester", "Only the person who asked can confirm the request.");
        }
    }

    @Override
    public Map<String, Object> complete(WorkspaceUser user, Task task, Map<String, Object> submitted) {
        partnerAccess.requireFreshMfa(user, DelegationService.MFA_MAX_AGE);
        delegations.recordMfaConfirmed(user, delegationOf(task));
        return Map.of();
    }
}
