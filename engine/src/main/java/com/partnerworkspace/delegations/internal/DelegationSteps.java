package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.keycloak.KeycloakGrants;
import com.partnerworkspace.keycloak.KeycloakGrants.BotClient;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the process does on a delegation's behalf: make the bot, apply and remove the grant, close the
 * request. Each step is idempotent (a retried job never doubles anything) and audited as the system.
 */
@Service
class DelegationSteps {

    private final DelegationRepository repository;
    private final KeycloakGrants grants;
    private final VaultSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * The work done under a holder's lock commits on its own, so the lock is held for that work only, not
     * for the rest of the job's transaction (the engine's own writes): grants and removals for one person
     * queue on that lock.
     */
    private final TransactionTemplate underHolderLock;

    DelegationSteps(
            DelegationRepository repository,
            KeycloakGrants grants,
            VaultSecrets secrets,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.underHolderLock = new TransactionTemplate(transactions);
        this.underHolderLock.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.repository = repository;
        this.grants = grants;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** A Keycloak client for the bot; its secret goes straight into Vault, never into the engine. */
    void createBotClient(String id) {
        Delegation delegation = get(id);
        String clientId = botClientId(delegation);
        BotClient bot = grants.createBotClient(delegation.partner(), clientId, "Bot " + delegation.botName());
        secrets.write(
                botSecretPath(delegation.partner(), clientId),
                Map.of("clientId", clientId, "clientSecret", bot.secret()));
        repository.setBot(id, clientId, bot.serviceAccount());
        audit(
                delegation,
                "delegation.bot-created",
                Map.of("clientId", clientId, "serviceAccount", bot.serviceAccount()));
    }

    /**
     * Applies the grant and starts its clock: expiry = now + the requested duration. A revoke that
     * commits while Keycloak is being called wins: the membership just made is taken back, so a
     * revoked request never leaves a grant behind in Keycloak. A retried step finds the grant recorded
     * and answers its expiry.
     */
    Instant applyGrant(String id) {
        return underHolderLock.execute(status -> {
            Delegation delegation = get(id);
            if (delegation.grantedAt() != null) {
                return delegation.expiresAt();
            }
            repository.lockGrantsOf(delegation.partner(), delegation.delegate());
            grants.grant(delegation.delegate(), delegation.partner(), delegation.scopes());
            if (get(id).state() != DelegationState.AWAITING_APPROVAL) {
                grants.revoke(delegation.delegate(), delegation.partner(), scopesNoOtherGrantKeeps(delegation));
                return clock.instant();
            }
            Instant grantedAt = clock.instant();
            Instant expiresAt = grantedAt.plus(delegation.duration());
            repository.markGranted(id, grantedAt, expiresAt);
            audit(
                    delegation,
                    "delegation.grant-applied",
                    Map.of(
                            "delegate", delegation.delegate(),
                            "scopes", delegation.scopes(),
                            "expiresAt", expiresAt.toString()));
            return expiresAt;
        });
    }

    /**
     * Takes the grant away in Keycloak (scopes another live delegation still gives the same person
     * stay), disables a bot's client and destroys its secret. {@code endState} is EXPIRED or REVOKED.
     */
    void removeGrant(String id, DelegationState endState) {
        Delegation delegation = get(id);
        // Also when the grant was never recorded: a grant job cut short by this revoke may have joined
        // the groups in Keycloak before its own transaction failed. Leaving a group is idempotent.
        if (delegation.delegate() != null) {
            underHolderLock.executeWithoutResult(status -> {
                // Waits for a grant to the same person in flight, so the check below sees it once committed.
                repository.lockGrantsOf(delegation.partner(), delegation.delegate());
                grants.revoke(delegation.delegate(), delegation.partner(), scopesNoOtherGrantKeeps(delegation));
            });
        }
        if (delegation.botClientId() != null) {
            grants.disableBotClient(delegation.botClientId());
            secrets.destroy(botSecretPath(delegation.partner(), delegation.botClientId()));
        }
        repository.changeState(id, DelegationState.OPEN, endState);
        audit(
                delegation,
                endState == DelegationState.EXPIRED ? "delegation.expired" : "delegation.grant-removed",
                Map.of("reason", endState.name()));
    }

    void recordRejection(String id) {
        Delegation delegation = get(id);
        repository.changeState(id, DelegationState.OPEN, DelegationState.REJECTED);
        audit(delegation, "delegation.closed", Map.of("outcome", DelegationState.REJECTED.name()));
        if (delegation.approvalsRequired() > 1) { // a critical scope: someone asked for more than policy allows
            events.publishEvent(new AlertRaised(
                    delegation.partner(),
                    "policy-violation.critical-delegation-rejected",
                    delegation.target(),
                    AlertRaised.Severity.WARNING,
                    "A request by " + delegation.requester() + " for critical access " + delegation.scopes()
                            + " was rejected",
                    Map.of("requester", delegation.requester(), "scopes", String.join(",", delegation.scopes()))));
        }
    }

    void recordTimeout(String id) {
        Delegation delegation = get(id);
        repository.changeState(id, DelegationState.OPEN, DelegationState.TIMED_OUT);
        audit(
                delegation,
                "delegation.timed-out",
                Map.of("previousState", delegation.state().name()));
    }

    static SecretPath botSecretPath(String partner, String clientId) {
        return new SecretPath(partner, clientId);
    }

    /** Unique per delegation, so revoking one bot never disables another. */
    static String botClientId(Delegation delegation) {
        String slug = delegation
                .botName()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "bot-" + delegation.partner() + "-" + slug + "-"
                + delegation.id().substring(0, 8);
    }

    private List<String> scopesNoOtherGrantKeeps(Delegation ending) {
        Instant now = clock.instant();
        Set<String> keptByOthers = new java.util.HashSet<>();
        repository.activeFor(ending.delegate()).stream()
                .filter(other -> !other.id().equals(ending.id()))
                .filter(other -> other.partner().equals(ending.partner()))
                .filter(other -> other.isLiveAt(now))
                .forEach(other -> keptByOthers.addAll(other.scopes()));
        return ending.scopes().stream()
                .filter(scope -> !keptByOthers.contains(scope))
                .toList();
    }

    private Delegation get(String id) {
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no delegation " + id));
    }

    private void audit(Delegation delegation, String action, Map<String, Object> details) {
        events.publishEvent(
                new AuditEvent(AuditEvent.SYSTEM, delegation.partner(), action, delegation.target(), details));
    }
}
