package com.partnerworkspace.vault;

/** Vault could not be reached or refused the engine; the message names the operation, never a secret. */
public class VaultUnavailableException extends RuntimeException {

    VaultUnavailableException(String operation, Throwable cause) {
        super("Vault " + operation + " failed: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof io.github.jopenlibs.vault.VaultException vault && vault.getHttpStatusCode() > 0) {
            return "HTTP " + vault.getHttpStatusCode();
        }
        return cause.getClass().getSimpleName();
    }
}
