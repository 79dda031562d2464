package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opening a share link: public, bound by the link's opaque id and a one-time code mailed to the recipient.
 * The id opens nothing in Vault by itself.
 */
@RestController
class SharesController {

    private final CredentialShares shares;

    SharesController(CredentialShares shares) {
        this.shares = shares;
    }

    record OpenRequest(@Size(max = InputLimits.ID) String code) {}

    @Operation(summary = "Mail a one-time code to the link's recipient")
    @AlsoAnswers(status = 410, description = "The link was opened before or has expired")
    @PostMapping(path = "/api/shares/{id}/code", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<CredentialShares.CodeSent> sendCode(@PathVariable @Size(max = InputLimits.TOKEN) String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(shares.sendCode(id));
    }

    @Operation(summary = "Open the link once with the one-time code; a second open answers 410")
    @AlsoAnswers(status = 410, description = "The link was opened before or has expired")
    @PostMapping(
            path = "/api/shares/{id}/open",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CredentialShares.SharedCredential> open(
            @PathVariable @Size(max = InputLimits.TOKEN) String id, @Valid @RequestBody OpenRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(shares.open(id, request.code()));
    }
}
