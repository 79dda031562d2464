package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.PartnerAccess;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConnectionsController {

    static final String VIEW_STATUS_SCOPE = "credentials:view-status";

    private final PartnerAccess partnerAccess;

    ConnectionsController(PartnerAccess partnerAccess) {
        this.partnerAccess = partnerAccess;
    }

    /** A connection's status, never its secret. Connections arrive with broker onboarding. */
    record ConnectionStatus(String id, String broker, String state) {}

    @Operation(
            summary =
                    "The partner's broker connections and their status (owner, ops, or a delegate with credentials:view-status)")
    @GetMapping(path = "/api/partners/{partner}/connections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ConnectionStatus> connections(Authentication authentication, @PathVariable String partner) {
        partnerAccess.requireMayActFor(CurrentUser.of(authentication), partner, VIEW_STATUS_SCOPE);
        return List.of();
    }
}
