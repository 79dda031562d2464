package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Guides;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.vault.VaultSecrets.SecretNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with broker connections: connect, reconnect, complete the broker login, rotate,
 * revoke, reveal. Sensitive changes start their process; keys reach the process only as transient
 * variables that the first step writes to Vault.
 */
@Service
class ConnectionService {

    static final String ONBOARDING = "partner-onboarding";
    static final String ROTATION = "credential-rotation";
    static final String REVOCATION = "credential-revocation";
    static final Duration REVEAL_MFA_MAX_AGE = Duration.ofMinutes(2);
    static final String VIEW_SCOPE = "credentials:view-status";
    static final String ROTATE_SCOPE = "credentials:rotate";
    static final String REVEAL_SCOPE = "credentials:reveal";
    /** Who acts on a public callback: nobody the workspace knows. */
    static final String ANONYMOUS = "anonymous";

    private final ConnectionRepository repository;
    private final BrokerCatalogue brokers;
    private final BrokerLogins logins;
    private final CredentialVault vault;
    private final PartnerAccess partnerAccess;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskWork taskWork;
    private final ApplicationEventPublisher events;
    private final Duration gracePeriod;
    private final Clock clock;
    private static final List<String> REVEALED_FIELDS = List.of("apiKey", "apiSecret", "accessToken");

    private final RevealHours revealHours;
    private final TransactionTemplate transactions;

    ConnectionService(
            ConnectionRepository repository,
            BrokerCatalogue brokers,
            BrokerLogins logins,
            CredentialVault vault,
            PartnerAccess partnerAccess,
            RuntimeService runtime,
            TaskService tasks,
            TaskWork taskWork,
            ApplicationEventPublisher events,
            RevealHours revealHours,
            @Value("${workspace.credentials.rotation-grace-period:PT10M}") Duration gracePeriod,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.revealHours = revealHours;
        this.transactions = new TransactionTemplate(transactionManager);
        this.repository = repository;
        this.brokers = brokers;
        this.logins = logins;
        this.vault = vault;
        this.partnerAccess = partnerAccess;
        this.runtime = runtime;
        this.tasks = tasks;
        this.taskWork = taskWork;
        this.events = events;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    /**
     * A connection with the URL of the broker login that completes it, and the binding that the browser
     * starting the login must hold for the callback to complete it (both null when no login began).
     */
    record Started(Connection connection, URI authorizationUrl, String browserBinding) {
        @Override
        public String toString() {
            return "Started[" + connection.id() + "]";
        }
    }

    /**
     * Where the broker's redirect leaves the connection: {@code startedElsewhere} when it did not come
     * from the browser that started the login (then nothing was used up or exchanged).
     */
    record LoginReturn(String connectionId, boolean startedElsewhere) {}

    @Transactional
    Started create(WorkspaceUser user, NewConnection request) {
        if (!user.hasRole("partner") || user.partner() == null) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN, "connection-not-allowed", "Only a partner can connect their broker account.");
        }
        Broker broker = brokers.find(request.broker()).orElseThrow();
        Connection connection = new Connection(
                UUID.randomUUID().toString(),
                user.partner(),
                broker.id(),
                request.label().strip(),
                ConnectionState.AWAITING_AUTHORISATION,
                Connection.mask(request.apiKey()),
                user.username(),
                clock.instant(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        repository.insert(connection);
        VariableMap variables = onboardingVariables(connection, user.username(), false);
        variables.putValueTyped("apiKey", Variables.stringValue(request.apiKey(), true));
        variables.putValueTyped("apiSecret", Variables.stringValue(request.apiSecret(), true));
        try {
            runtime.startProcessInstanceByKey(ONBOARDING, connection.id(), variables);
        } catch (RuntimeException e) {
            // The transaction rolls back the row and the process; the keys may already be in Vault.
            forgetKeysQuietly(connection);
            throw e;
        }
        audit(
                user.username(),
                connection,
                "connection.requested",
                Map.of("broker", broker.id(), "label", connection.label()));
        return started(connection.id());
    }

    /**
     * Starts the broker login again with the stored keys: answers a waiting "Fix connection" with
     * "try again", renews the login of a waiting onboarding, or starts a new onboarding.
     */
    @Transactional
    Started reconnect(WorkspaceUser user, String id) {
        Connection connection = owned(user, id);
        ConnectionState state = stateOf(connection);
        if (!state.mayReconnect()) {
            throw state.refusal("reconnect");
        }
        List<Task> fix = tasks.createTaskQuery()
                .processDefinitionKey(ONBOARDING)
                .processInstanceBusinessKey(id)
                .taskDefinitionKey("Task_FixConnection")
                .list();
        boolean onboardingRuns = runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ONBOARDING)
                        .processInstanceBusinessKey(id)
                        .count()
                > 0;
        if (!fix.isEmpty()) {
            taskWork.complete(fix.get(0).getId(), Map.of("decision", "retry"), user.username());
        } else if (onboardingRuns && waitingOnboarding(id).isEmpty()) {
            // Between two of its steps (e.g. telling the partner what failed): one onboarding at a time.
            throw Refusal.of(
                    HttpStatus.CONFLICT,
                    "connection-busy",
                    "The connection's onboarding is between two steps; try again in a moment.");
        } else if (!onboardingRuns) {
            repository.fail(id, ConnectionState.AWAITING_AUTHORISATION, null, null);
            runtime.startProcessInstanceByKey(ONBOARDING, id, onboardingVariables(connection, user.username(), true));
        }
        audit(user.username(), connection, "connection.reconnect-started", Map.of("previousState", state.name()));
        return started(id);
    }

    /**
     * The broker's redirect back. The state must name a live login of a waiting onboarding, and the
     * redirect must come from the browser that started it ({@code browserBindingOf}: the binding that
     * browser holds for a connection); the code exchange runs in this transaction, verification after it.
     * From another browser nothing is used up: the refusal is audited and the login stays open for its
     * starter.
     */
    @Transactional
    LoginReturn completeLogin(Map<String, String> callback, Function<String, Optional<String>> browserBindingOf) {
        BrokerLogins.Claim claim = logins.claim(callback.get("state"), browserBindingOf);
        if (claim instanceof BrokerLogins.StartedElsewhere elsewhere) {
            audit(
                    ANONYMOUS,
                    get(elsewhere.connectionId()),
                    "connection.login-refused",
                    Map.of("reason", "started-in-another-browser"));
            return new LoginReturn(elsewhere.connectionId(), true);
        }
        if (!(claim instanceof BrokerLogins.Claimed claimed)) {
            throw Refusal.of(
                            HttpStatus.BAD_REQUEST,
                            "broker-login-state-invalid",
                            "This broker login is unknown, was used already or has expired. Start it again with Reconnect.")
                    .with("guide", Guides.of("code-reused-or-expired", "login-link-used-or-expired"));
        }
        BrokerLogins.Attempt attempt = claimed.attempt();
        VariableMap variables = Variables.createVariables();
        // Transient: the code and the PKCE verifier live only in this transaction, never in the database.
        variables.putValueTyped("brokerCallback", Variables.stringValue(BrokerLogins.encode(callback), true));
        variables.putValueTyped(
                "loginState", Variables.stringValue(attempt.login().state(), true));
        variables.putValueTyped(
                "codeVerifier", Variables.stringValue(attempt.login().codeVerifier(), true));
        runtime.createMessageCorrelation("BrokerLoginCompleted")
                .processInstanceId(attempt.processInstanceId())
                .setVariables(variables)
                .correlate();
        return new LoginReturn(attempt.connectionId(), false);
    }

    @Transactional
    Connection rotate(WorkspaceUser user, String id, String trigger) {
        Connection connection = visible(user, id, ROTATE_SCOPE);
        startRotation(connection, trigger, user.username());
        return get(id);
    }

    /** Starts a rotation unless the broker cannot renew without a person, or another process is at work. */
    void startRotation(Connection connection, String trigger, String actor) {
        ConnectionState state = stateOf(connection);
        if (!state.isUsable()) {
            throw state.refusal("rotate");
        }
        Broker broker = broker(connection);
        if (!brokers.adapterFor(broker).supportsRefresh()) {
            throw Refusal.of(
                            HttpStatus.CONFLICT,
                            "rotation-needs-broker-login",
                            broker.name() + " renews a session only through its login; use Reconnect.")
                    .with("guide", ConnectionState.EXPIRED.guide);
        }
        if (!repository.startActivity(connection.id(), "rotation")) {
            throw Refusal.of(
                    HttpStatus.CONFLICT, "connection-busy", "Another change of this connection is in progress.");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("connectionId", connection.id());
        variables.put("partner", connection.partner());
        variables.put("trigger", trigger);
        variables.put("requestedBy", actor);
        variables.put("baseVersion", vault.metadata(connection).currentVersion());
        variables.put("gracePeriod", gracePeriod.toString());
        runtime.startProcessInstanceByKey(ROTATION, connection.id(), variables);
        audit(actor, connection, "credential.rotation-requested", Map.of("trigger", trigger));
    }

    /** Ends whatever runs for the connection and marks it REVOKED at once; the process does the rest. */
    @Transactional
    Connection revoke(WorkspaceUser user, String id) {
        Connection connection = owned(user, id);
        if (connection.storedState() == ConnectionState.REVOKED) {
            throw ConnectionState.REVOKED.refusal("revoke");
        }
        for (String running : List.of(ONBOARDING, ROTATION)) {
            runtime.createProcessInstanceQuery()
                    .processDefinitionKey(running)
                    .processInstanceBusinessKey(id)
                    .list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "connection revoked", true));
        }
        logins.forget(id);
        repository.changeState(id, ConnectionState.REVOKED);
        repository.setActivity(id, "revocation");
        runtime.startProcessInstanceByKey(
                REVOCATION,
                id,
                Map.of("connectionId", id, "partner", connection.partner(), "revokedBy", user.username()));
        audit(
                user.username(),
                connection,
                "connection.revocation-requested",
                Map.of("previousState", stateOf(connection).name()));
        return get(id);
    }

    /**
     * The credential's values, after a fresh MFA; audited. The values leave only with their audit entry: they
     * are read first, then the entry is appended and committed, so a failed read writes no entry and a failed
     * append hands out nothing. Read on the calling thread, with no transaction open while Vault answers.
     */
    Map<String, String> reveal(WorkspaceUser user, String id) {
        Connection connection = visible(user, id, REVEAL_SCOPE);
        partnerAccess.requireFreshMfa(user, REVEAL_MFA_MAX_AGE);
        requireUsable(connection, "reveal");
        Map<String, String> values = valuesOf(connection);
        transactions.executeWithoutResult(status -> recordReveal(user, connection));
        return values;
    }

    private void recordReveal(WorkspaceUser user, Connection connection) {
        audit(user.username(), connection, "credential.revealed", Map.of("fields", REVEALED_FIELDS));
        if (!revealHours.allows(now())) {
            events.publishEvent(new AlertRaised(
                    connection.partner(),
                    "policy-violation.reveal-outside-hours",
                    "connection/" + connection.id(),
                    AlertRaised.Severity.CRITICAL,
                    user.username() + " revealed the credential of \"" + connection.label()
                            + "\" outside the allowed hours (" + revealHours.window() + ")",
                    Map.of("revealedBy", user.username())));
        }
    }

    /** The values a reveal or a share hands over: keys and the current access token. */
    Map<String, String> usableValues(Connection connection, String act) {
        requireUsable(connection, act);
        return valuesOf(connection);
    }

    private void requireUsable(Connection connection, String act) {
        ConnectionState state = stateOf(connection);
        if (!state.isUsable()) {
            throw state.refusal(act);
        }
    }

    private Map<String, String> valuesOf(Connection connection) {
        CredentialVault.Credential credential = vault.current(connection);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("apiKey", credential.keys().apiKey());
        values.put("apiSecret", credential.keys().apiSecret());
        if (credential.tokens() != null) {
            values.put("accessToken", credential.tokens().accessToken());
        }
        return values;
    }

    /** Every connection the user may see the status of: ops all, others what their own partner or a live grant covers. */
    List<Connection> listFor(WorkspaceUser user) {
        PartnerAccess.Reach reach = partnerAccess.reachFor(user, VIEW_SCOPE);
        List<Connection> candidates = reach.everyPartner()
                ? repository.all()
                : reach.partners().stream()
                        .flatMap(partner -> repository.ofPartner(partner).stream())
                        .toList();
        return candidates.stream()
                .filter(c -> mayUse(user, c, VIEW_SCOPE) && !smokeTestLeftover(user, c))
                .toList();
    }

    /** The partner's connections the user may see the status of (the caller checked the partner itself). */
    List<Connection> ofPartner(WorkspaceUser user, String partner) {
        return repository.ofPartner(partner).stream()
                .filter(c -> mayUse(user, c, VIEW_SCOPE) && !smokeTestLeftover(user, c))
                .toList();
    }

    /**
     * A revoked connection a smoke test made and left behind: not listed, so passing runs do not clutter the
     * partner's connections (the smoke-test user itself still sees it, to watch its own revocation).
     */
    private static boolean smokeTestLeftover(WorkspaceUser user, Connection connection) {
        return connection.storedState() == ConnectionState.REVOKED
                && connection.createdBy().startsWith(PartnerConnection.SMOKE_TEST_USER_PREFIX)
                && !connection.createdBy().equals(user.username());
    }

    /**
     * The connection if the user may see it (owner, ops, a delegate holding {@code scope} for the partner
     * or for this connection); else 404.
     */
    Connection visible(WorkspaceUser user, String id, String scope) {
        Connection connection = repository.find(id).orElseThrow(ConnectionService::noSuchConnection);
        if (!mayUse(user, connection, scope)) {
            throw noSuchConnection();
        }
        return connection;
    }

    /** The one check of "may this user do {@code scope} with this connection", for single reads and lists alike. */
    private boolean mayUse(WorkspaceUser user, Connection connection, String scope) {
        return partnerAccess.mayActFor(user, connection.partner(), scope, connection.id());
    }

    /** Acts never delegated: connect, reconnect, revoke, share. */
    Connection owned(WorkspaceUser user, String id) {
        Connection connection = repository.find(id).orElseThrow(ConnectionService::noSuchConnection);
        if (!partnerAccess.mayActFor(user, connection.partner())) {
            throw noSuchConnection();
        }
        return connection;
    }

    ConnectionState stateOf(Connection connection) {
        return connection.stateAt(clock.instant(), broker(connection));
    }

    Broker broker(Connection connection) {
        return brokers.find(connection.broker())
                .orElseThrow(() -> new IllegalStateException("broker " + connection.broker() + " left the catalogue"));
    }

    BrokerAdapter adapter(Connection connection) {
        return brokers.adapterFor(broker(connection));
    }

    static Refusal noSuchConnection() {
        return Refusal.notFound("connection-not-found", "There is no such connection.");
    }

    Connection get(String id) {
        return repository.find(id).orElseThrow(ConnectionService::noSuchConnection);
    }

    /** The connection, with a login for the onboarding waiting at "Wait for the broker login", if one is. */
    private Started started(String id) {
        Connection connection = get(id);
        return waitingOnboarding(id)
                .map(instance -> {
                    BrokerLogins.Begun begun = logins.begin(id, instance.getId());
                    Keys keys = vault.current(connection).keys();
                    URI url = adapter(connection).authorizationUrl(broker(connection), keys, begun.login());
                    return new Started(connection, url, begun.browserBinding());
                })
                .orElseGet(() -> new Started(connection, null, null));
    }

    private Optional<ProcessInstance> waitingOnboarding(String id) {
        return runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ONBOARDING)
                .processInstanceBusinessKey(id)
                .activityIdIn("Gateway_WaitForLogin")
                .list()
                .stream()
                .findFirst();
    }

    private VariableMap onboardingVariables(Connection connection, String requester, boolean reconnect) {
        return Variables.createVariables()
                .putValue("connectionId", connection.id())
                .putValue("partner", connection.partner())
                .putValue("broker", connection.broker())
                .putValue("requester", requester)
                .putValue("reconnect", reconnect)
                .putValue("loginTimeout", logins.lifetime().toString());
    }

    private void forgetKeysQuietly(Connection connection) {
        try {
            vault.destroyAll(connection);
        } catch (SecretNotFoundException | com.partnerworkspace.vault.VaultUnavailableException ignored) {
            // Nothing was written, or Vault is down and never took the keys.
        }
    }

    void audit(String actor, Connection connection, String action, Map<String, Object> details) {
        events.publishEvent(
                new AuditEvent(actor, connection.partner(), action, "connection/" + connection.id(), details));
    }

    Instant now() {
        return clock.instant();
    }
}
