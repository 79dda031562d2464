package com.partnerworkspace.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditTrail trail;
    private final ChainVerifications verifications;
    private final ObjectMapper json;

    AuditController(AuditTrail trail, ChainVerifications verifications, ObjectMapper json) {
        this.trail = trail;
        this.verifications = verifications;
        this.json = json;
    }

    record Entry(
            long id,
            Instant at,
            String actor,
            @Schema(nullable = true) String partner,
            String action,
            @Schema(nullable = true) String target,
            JsonNode details,
            String hash) {}

    record Page(List<Entry> entries, int page, int size, long total) {}

    record Verification(
            boolean ok,
            int entries,

            @Schema(
                    nullable = true,
                    description = "The first entry whose content or link to the previous one does not match")
            Long firstBrokenId,

            @Schema(description = "When the walk of the chain that gave this answer began")
            Instant verifiedAt) {}

    @Operation(
            summary = "The audit trail, newest first",
            description = "Partners see their own partner's entries, ops all, everyone else what they did themselves.")
    @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    Page audit(
            Authentication authentication,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String action,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        WorkspaceUser user = CurrentUser.of(authentication);
        AuditQuery query =
                new AuditQuery(onlyPartnerFor(user), onlyActorFor(user), action, actor, from, to, page, size);
        List<Entry> entries = trail.page(query).stream().map(this::toEntry).toList();
        return new Page(entries, page, size, trail.count(query));
    }

    @Operation(
            summary = "Recomputes the hash chain up to its committed head and names the first broken entry",
            description = "Partners and ops only. The chain is walked at most once per interval"
                    + " (workspace.audit.verification-reuse); callers within it get that walk's answer.")
    @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    Verification verify(Authentication authentication) {
        WorkspaceUser user = CurrentUser.of(authentication);
        if (!user.hasRole("partner") && !user.hasRole("ops")) {
            throw new AccessDeniedException("Only partners and operations verify the audit trail");
        }
        ChainVerifications.Verified verified = verifications.latest();
        AuditTrail.Verification result = verified.result();
        return new Verification(result.ok(), result.entries(), result.firstBrokenId(), verified.at());
    }

    private static String onlyPartnerFor(WorkspaceUser user) {
        if (user.hasRole("ops")) {
            return null;
        }
        return user.hasRole("partner") && user.partner() != null ? user.partner() : null;
    }

    private static String onlyActorFor(WorkspaceUser user) {
        if (user.hasRole("ops") || (user.hasRole("partner") && user.partner() != null)) {
            return null;
        }
        return user.username();
    }

    private Entry toEntry(AuditTrail.AuditEntry entry) {
        return new Entry(
                entry.id(),
                entry.at(),
                entry.actor(),
                entry.partner(),
                entry.action(),
                entry.target(),
                parse(entry.details()),
                entry.hash());
    }

    private JsonNode parse(String details) {
        try {
            return json.readTree(details);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(details);
        }
    }
}
