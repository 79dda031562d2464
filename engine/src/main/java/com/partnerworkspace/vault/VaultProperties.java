package com.partnerworkspace.vault;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the engine reaches Vault. The AppRole login is provisioned by the stack
 * ({@code engine/vault/provision.sh}) and read from the state folder.
 *
 * @param kvMount the KV v2 mount holding partner secrets under {@code partners/<partner>/...}
 * @param renewBefore how long before its expiry the engine's token is renewed (or a new login made)
 */
@Validated
@ConfigurationProperties("workspace.vault")
public record VaultProperties(
        @NotBlank String url,
        String roleId,
        String secretId,
        @DefaultValue("partner-kv") String kvMount,
        @DefaultValue("5") int timeoutSeconds,
        @DefaultValue("PT5M") Duration renewBefore) {

    boolean hasLogin() {
        return roleId != null && !roleId.isBlank() && secretId != null && !secretId.isBlank();
    }

    @Override
    public String toString() {
        return "VaultProperties[url=" + url + ", kvMount=" + kvMount + "]";
    }
}
