package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Signatures for links the engine hands out (HMAC-SHA-256 with the engine's transit key): the key never
 * leaves Vault, so only Vault can sign and check, and every engine node agrees.
 */
@Component
public class VaultSigning {

    private static final String KEY = "partner-workspace";

    private final VaultSession session;

    VaultSigning(VaultSession session) {
        this.session = session;
    }

    /** The signature of {@code payload} ({@code vault:v1:...}). */
    public String sign(String payload) {
        try {
            LogicalResponse response = session.plain()
                    .logical()
                    .write("transit/hmac/" + KEY + "/sha2-256", Map.<String, Object>of("input", base64(payload)));
            requireOk(response, "signing");
            return response.getData().get("hmac");
        } catch (VaultException e) {
            throw new VaultUnavailableException("signing", e);
        }
    }

    /** Whether {@code signature} is the engine's signature of {@code payload}. */
    public boolean verify(String payload, String signature) {
        if (signature == null || !signature.startsWith("vault:")) {
            return false;
        }
        try {
            LogicalResponse response = session.plain()
                    .logical()
                    .write(
                            "transit/verify/" + KEY + "/sha2-256",
                            Map.<String, Object>of("input", base64(payload), "hmac", signature));
            if (response.getRestResponse().getStatus() == 400) {
                return false; // a malformed signature
            }
            requireOk(response, "signature check");
            return "true".equals(response.getData().get("valid"));
        } catch (VaultException e) {
            throw new VaultUnavailableException("signature check", e);
        }
    }

    private static String base64(String payload) {
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireOk(LogicalResponse response, String operation) {
        int status = response.getRestResponse().getStatus();
        if (status < 200 || status > 299) {
            throw new VaultUnavailableException(operation, new VaultException("HTTP " + status, status));
        }
    }
}
