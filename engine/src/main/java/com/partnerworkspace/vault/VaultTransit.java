package com.partnerworkspace.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption with the engine's transit key: a small secret (a data key) is kept anywhere only
 * as Vault ciphertext and turned back into bytes by Vault, so the key that protects it never leaves Vault.
 */
@Component
public class VaultTransit {

    private static final String KEY = "partner-workspace";

    private final VaultSession session;

    VaultTransit(VaultSession session) {
        this.session = session;
    }

    /** The Vault ciphertext ({@code vault:v1:...}) of {@code plaintext}. */
    public String encrypt(byte[] plaintext) {
        LogicalResponse response = write(
                "transit/encrypt/" + KEY,
                Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext)));
        return response.getData().get("ciphertext");
    }

    public byte[] decrypt(String ciphertext) {
        LogicalResponse response = write("transit/decrypt/" + KEY, Map.of("ciphertext", ciphertext));
        return Base64.getDecoder().decode(response.getData().get("plaintext"));
    }

    private LogicalResponse write(String path, Map<String, Object> body) {
        try {
            LogicalResponse response = session.plain().logical().write(path, body);
            int status = response.getRestResponse().getStatus();
            if (status < 200 || status > 299) {
                throw new VaultUnavailableException(path, new VaultException("HTTP " + status, status));
            }
            return response;
        } catch (VaultException e) {
            throw new VaultUnavailableException(path, e);
        }
    }
}
