package com.partnerworkspace.testsupport;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints under {@code /api/probe} that exercise the engine's shared web machinery the way
 * a feature's controller would: JSON bodies with validation, typed parameters, failures, Vault and
 * partner-access errors. Hidden from the published API, so the fuzz run leaves it alone.
 */
@Hidden
@RestController
public class ApiProbeController {

    public record Order(@NotBlank String symbol, @Min(1) int quantity, Instant placeAt) {}

    private final PartnerAccess partnerAccess;
    private final ObjectProvider<VaultSecrets> vaultSecrets;

    ApiProbeController(PartnerAccess partnerAccess, ObjectProvider<VaultSecrets> vaultSecrets) {
        this.partnerAccess = partnerAccess;
        this.vaultSecrets = vaultSecrets;
    }

    @PostMapping(path = "/api/probe/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    Order echo(@Valid @RequestBody Order order) {
        return order;
    }

    @GetMapping("/api/probe/count")
    Map<String, Integer> count(@RequestParam int count) {
        return Map.of("count", count);
    }

    @GetMapping("/api/probe/failure")
    void failure() {
        throw new IllegalStateException("internal detail: jdbc:h2:file:/secret/path password=hunter2");
    }

    @GetMapping("/api/probe/illegal-argument")
    void illegalArgument() {
        throw new IllegalArgumentException("raw library message with internals");
    }

    @GetMapping("/api/probe/missing-secret")
    void missingSecret() {
        vaultSecrets.getObject().read(new SecretPath("nikhil", "no-such-secret-" + System.nanoTime()));
    }

    @GetMapping("/api/probe/partners/{partner}/scopes/{scope}")
    Map<String, String> actFor(@PathVariable String partner, @PathVariable String scope, Authentication caller) {
        return Map.of(
                "basis",
                partnerAccess
                        .requireMayActFor(CurrentUser.of(caller), partner, scope)
                        .name());
    }

    @GetMapping("/api/probe/partners/{partner}/connections/{connection}/scopes/{scope}")
    Map<String, String> actOnConnection(
            @PathVariable String partner,
            @PathVariable String connection,
            @PathVariable String scope,
            Authentication caller) {
        return Map.of(
                "basis",
                partnerAccess
                        .requireMayActFor(CurrentUser.of(caller), partner, scope, connection)
                        .name());
    }

    @GetMapping("/api/probe/fresh-mfa")
    Map<String, Boolean> freshMfa(@RequestParam(defaultValue = "120") long maxAgeSeconds, Authentication caller) {
        partnerAccess.requireFreshMfa(CurrentUser.of(caller), Duration.ofSeconds(maxAgeSeconds));
        return Map.of("fresh", true);
    }
}
