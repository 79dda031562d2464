package com.partnerworkspace.workspace;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    /** What the UI shows in its profile panel, straight from the caller's token. */
    record Me(String username, String displayName, String partner, List<String> roles, String acr, Instant authTime) {

        static Me of(WorkspaceUser user) {
            return new Me(user.username(), user.displayName(), user.partner(),
                    user.roles().stream().sorted().toList(), user.acr(), user.authTime());
        }
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        return Me.of(CurrentUser.of(authentication));
    }
}
