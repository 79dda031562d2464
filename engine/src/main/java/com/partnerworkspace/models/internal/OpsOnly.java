package com.partnerworkspace.models.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** Everything in this module is for operations staff: the caller, or a 403 for anyone else. */
final class OpsOnly {

    private OpsOnly() {}

    static WorkspaceUser require(Authentication authentication) {
        WorkspaceUser user = CurrentUser.of(authentication);
        if (!user.hasRole("ops")) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "ops-only", "Only operations staff see and change models and incidents.");
        }
        return user;
    }
}
