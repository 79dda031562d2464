package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.keycloak.KeycloakSyntheticUsers;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The synthetic test user of each partner ({@code smoke-<partner>}): its password, TOTP seed and the broker
 * test login live only in Vault ({@code partners/<partner>/smoke-test-user}); the user itself in Keycloak.
 * Made on first use; made again (new password and seed) when either half is missing.
 */
@Component
class SmokeTestUsers {

    static final String SECRET_NAME = "smoke-test-user";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSyntheticUsers keycloak;
    private final VaultSecrets vault;
    private final Environment environment;

    SmokeTestUsers(KeycloakSyntheticUsers keycloak, VaultSecrets vault, Environment environment) {
        this.keycloak = keycloak;
        this.vault = vault;
        this.environment = environment;
    }

    /** What the smoke test types in; never logged. */
    record Login(String username, String password, String totpSeed, String brokerUsername, String brokerPassword) {

        /** Every value a run's artifacts must not show. */
        List<String> secrets() {
            return List.of(password, totpSeed, brokerPassword);
        }

        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    static String usernameOf(String partner) {
        return PartnerConnection.SMOKE_TEST_USER_PREFIX + partner;
    }

    static SecretPath secretOf(String partner) {
        return new SecretPath(partner, SECRET_NAME);
    }

    /** The partner's synthetic login, made first if it is missing in Keycloak or Vault. */
    Login loginFor(String partner) {
        String username = usernameOf(partner);
        Map<String, String> stored = stored(partner);
        if (stored == null || !keycloak.exists(username)) {
            stored = create(partner, username);
        }
        return new Login(
                username,
                stored.get("password"),
                stored.get("totpSeed"),
                stored.getOrDefault("brokerUsername", ""),
                stored.getOrDefault("brokerPassword", ""));
    }

    private Map<String, String> stored(String partner) {
        try {
            return vault.read(secretOf(partner)).values();
        } catch (VaultSecrets.SecretNotFoundException e) {
            return null;
        }
    }

    private Map<String, String> create(String partner, String username) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", username);
        values.put("password", randomPassword());
        values.put("totpSeed", TotpCodes.newSeed());
        values.put("brokerUsername", environment.getProperty("workspace.diagnostics.smoke-test.broker-username", ""));
        values.put("brokerPassword", environment.getProperty("workspace.diagnostics.smoke-test.broker-password", ""));
        keycloak.recreate(new KeycloakSyntheticUsers.SyntheticUser(
                username,
                partner,
                username + "@"
                        + environment.getProperty(
                                "workspace.diagnostics.smoke-test.email-domain", "smoke-test.invalid"),
                values.get("password"),
                values.get("totpSeed")));
        vault.write(secretOf(partner), values);
        return values;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "Sm0ke-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
