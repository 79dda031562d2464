package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Confirm with MFA" from the inbox: the same rule as the API, a fresh MFA login by the requester. */
@Component
class MfaConfirmationForm extends DelegationTaskForm {

    private final PartnerAccess partnerAccess;

    MfaConfirmationForm(DelegationService delegations, DelegationRepository repository, PartnerAccess partnerAccess) {
        super("Task_ConfirmWithMfa", delegations, repository);
        this.partnerAccess = partnerAccess;
    }

    @Override
    public List<Field> fields() {
        return List.of();
    }

    @Override
    protected void checkMayDecide(WorkspaceUser user, Delegation delegation) {
        if (!user.username().equals(delegation.requester())) {
            throw notAllowed("not-the-requester", "Only the person who asked can confirm the request.");
        }
    }

    @Override
    protected Map<String, Object> decide(WorkspaceUser user, Delegation delegation, Map<String, Object> submitted) {
        partnerAccess.requireFreshMfa(user, DelegationService.MFA_MAX_AGE);
        delegations.recordMfaConfirmed(user, delegation);
        return Map.of();
    }
}
