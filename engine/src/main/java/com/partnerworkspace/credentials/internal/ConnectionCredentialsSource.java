package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.ConnectionCredentials;
import com.partnerworkspace.vault.VaultSecrets;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Connections handed to the diagnostics feature: state from the database, keys and tokens from Vault. */
@Component
class ConnectionCredentialsSource implements ConnectionCredentials.Source {

    private final ConnectionRepository repository;
    private final ConnectionService connections;
    private final CredentialVault vault;
    private final BrokerLogins logins;

    ConnectionCredentialsSource(
            ConnectionRepository repository,
            ConnectionService connections,
            CredentialVault vault,
            BrokerLogins logins) {
        this.repository = repository;
        this.connections = connections;
        this.vault = vault;
        this.logins = logins;
    }

    @Override
    public Optional<ConnectionCredentials> find(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return repository
                .find(id)
                .map(c -> new ConnectionCredentials(
                        c.id(),
                        c.partner(),
                        c.label(),
                        connections.broker(c),
                        connections.stateOf(c).name(),
                        null,
                        null,
                        c.expiresAt(),
                        c.failure(),
                        c.failureDetail()));
    }

    @Override
    public ConnectionCredentials withSecrets(ConnectionCredentials connection) {
        if (ConnectionState.REVOKED.name().equals(connection.state())) {
            return connection;
        }
        Connection stored = connections.get(connection.id());
        CredentialVault.Credential credential;
        try {
            credential = vault.current(stored);
        } catch (VaultSecrets.SecretNotFoundException e) {
            return connection; // nothing stored (an onboarding that never got that far): no keys to examine
        }
        return new ConnectionCredentials(
                connection.id(),
                connection.partner(),
                connection.label(),
                connection.broker(),
                connection.state(),
                credential.keys(),
                credential.tokens(),
                connection.expiresAt(),
                connection.failure(),
                connection.failureDetail());
    }

    @Override
    public URI redirectUri() {
        return logins.probe().redirectUri();
    }
}
