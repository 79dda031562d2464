package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.credentials.ConnectionCredentials;
import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.keycloak.KeycloakProperties;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Guides;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may run the Playwright smoke test for a partner (the partner or ops), one run at a time per partner
 * (409 while one is queued or running), and what a run leaves: its steps and artifacts, an audit entry when
 * it starts and when it ends, and an alert when it fails or runs out of its deadline.
 */
@Service
class SmokeTests {

    private static final Logger log = LoggerFactory.getLogger(SmokeTests.class);
    private static final String TESTABLE_ADAPTER = "oauth2";

    private final SmokeTestStore store;
    private final SmokeTestUsers users;
    private final SmokeTestBrowser browser;
    private final OneTimeCodes codes;
    private final ConnectionCredentials.Source connections;
    private final ConnectionStatus connectionStatus;
    private final PartnerAccess partnerAccess;
    private final KeycloakProperties keycloak;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String workspaceUrl;
    private final Duration deadline;

    SmokeTests(
            SmokeTestStore store,
            SmokeTestUsers users,
            SmokeTestBrowser browser,
            OneTimeCodes codes,
            ConnectionCredentials.Source connections,
            ConnectionStatus connectionStatus,
            PartnerAccess partnerAccess,
            KeycloakProperties keycloak,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${workspace.public-url}") String workspaceUrl,
            @Value("${workspace.diagnostics.smoke-test.deadline:PT60S}") Duration deadline) {
        this.store = store;
        this.users = users;
        this.browser = browser;
        this.codes = codes;
        this.connections = connections;
        this.connectionStatus = connectionStatus;
        this.partnerAccess = partnerAccess;
        this.keycloak = keycloak;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.workspaceUrl = workspaceUrl;
        this.deadline = deadline;
    }

    /** Queues a run for the partner, on the given connection or its newest active one; audited. */
    SmokeTest start(WorkspaceUser user, String partner, String connectionId) {
        if (!partnerAccess.mayActFor(user, partner)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "smoke-test-not-allowed",
                    "Only the partner or operations staff can run the partner's smoke test.");
        }
        ConnectionCredentials connection = connectionToTest(user, partner, connectionId);
        SmokeTest run = new SmokeTest(
                UUID.randomUUID().toString(),
                partner,
                connection.id(),
                SmokeTest.State.QUEUED,
                user.username(),
                clock.instant(),
                null,
                null,
                SmokeTest.STEP_NAMES.stream().map(SmokeTest.Step::pending).toList(),
                null);
        transaction.executeWithoutResult(status -> {
            if (!store.queue(run)) {
                throw Refusal.of(
                        HttpStatus.CONFLICT,
                        "smoke-test-running",
                        "A smoke test for this partner is queued or running; wait for it to finish.");
            }
            events.publishEvent(new AuditEvent(
                    user.username(),
                    partner,
                    "diagnostics.smoke-test-started",
                    "smoke-test/" + run.id(),
                    Map.of("connection", connection.id())));
        });
        browser.submit(started -> execute(run, connection, started), failure -> finishBroken(run, failure));
        return run;
    }

    /** A partner (for their own partner) or ops; anyone else is refused before the request is read. */
    void requireMayRunAny(WorkspaceUser user) {
        if (!user.hasRole("ops") && (!user.hasRole("partner") || user.partner() == null)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "smoke-test-not-allowed",
                    "Only a partner (for their own login) or operations staff can run the smoke test.");
        }
    }

    /** A run the user may see (the partner's own or ops), else 404. */
    SmokeTest find(WorkspaceUser user, String id) {
        return store.find(id)
                .filter(run -> partnerAccess.mayActFor(user, run.partner()))
                .orElseThrow(() -> Refusal.notFound("smoke-test-not-found", "There is no such smoke test."));
    }

    List<SmokeTest> ofPartner(WorkspaceUser user, String partner) {
        if (!partnerAccess.mayActFor(user, partner)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "smoke-test-not-allowed",
                    "Only the partner or operations staff can see the partner's smoke tests.");
        }
        return store.ofPartner(partner);
    }

    SmokeTestStore.Artifact artifact(WorkspaceUser user, String id, String name) {
        SmokeTest run = find(user, id);
        return store.artifact(run.id(), name)
                .orElseThrow(() -> Refusal.notFound("smoke-test-artifact-not-found", "The run has no such artifact."));
    }

    /** Runs an engine stopped in the middle of never finish: they are failed at start, and their partners freed. */
    @EventListener(ApplicationReadyEvent.class)
    void failRunsOfAStoppedEngine() {
        for (SmokeTest run : store.unfinished()) {
            finish(
                    run,
                    run.steps(),
                    SmokeTest.State.FAILED,
                    List.of(),
                    null,
                    null,
                    "The engine stopped during the run.");
        }
    }

    // ---- on the browser's thread ----

    private void execute(SmokeTest queued, ConnectionCredentials connection, com.microsoft.playwright.Browser started) {
        long startNanos = System.nanoTime();
        SmokeTest running = withState(queued, SmokeTest.State.RUNNING, queued.steps());
        store.update(running);
        try {
            ConnectionCredentials examined = connections.withSecrets(connection);
            SmokeTestScript.Plan plan = new SmokeTestScript.Plan(
                    workspaceUrl,
                    keycloak.realm(),
                    users.loginFor(queued.partner()),
                    examined.broker(),
                    examined.keys(),
                    "Smoke test " + queued.id().substring(0, 8),
                    startNanos + deadline.toNanos());
            SmokeTestScript.Outcome outcome = new SmokeTestScript(plan, clock, codes).run(started);
            SmokeTest.State state = outcome.passed()
                    ? SmokeTest.State.PASSED
                    : outcome.timedOut() ? SmokeTest.State.TIMED_OUT : SmokeTest.State.FAILED;
            finish(
                    running,
                    outcome.steps(),
                    state,
                    outcome.artifacts(),
                    outcome.trace(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    null);
        } catch (RuntimeException e) {
            log.warn(
                    "Smoke test {} for {} could not run: {}",
                    queued.id(),
                    queued.partner(),
                    e.getClass().getName());
            finish(running, running.steps(), SmokeTest.State.FAILED, List.of(), null, null, "The run could not start.");
        }
    }

    private void finishBroken(SmokeTest run, RuntimeException failure) {
        log.warn("No browser for smoke test {}: {}", run.id(), failure.getMessage());
        finish(run, run.steps(), SmokeTest.State.FAILED, List.of(), null, null, "No browser could be started.");
    }

    /** Keeps the result, frees the partner, audits, and raises an alert unless it passed: all or nothing. */
    private void finish(
            SmokeTest run,
            List<SmokeTest.Step> steps,
            SmokeTest.State state,
            List<SmokeTestStore.Artifact> artifacts,
            String trace,
            Long durationMs,
            String runFailure) {
        List<SmokeTest.Step> finalSteps = runFailure == null ? steps : failFirstPending(steps, runFailure);
        SmokeTest finished = new SmokeTest(
                run.id(),
                run.partner(),
                run.connection(),
                state,
                run.requestedBy(),
                run.requestedAt(),
                clock.instant(),
                durationMs,
                finalSteps,
                trace);
        transaction.executeWithoutResult(status -> {
            artifacts.forEach(artifact -> store.saveArtifact(run.id(), artifact));
            store.update(finished);
            store.release(finished);
            String failedStep = finalSteps.stream()
                    .filter(step -> !step.status().equals("PASSED"))
                    .map(SmokeTest.Step::name)
                    .findFirst()
                    .orElse(null);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", state.name());
            details.put("failedStep", String.valueOf(failedStep));
            details.put("durationMs", String.valueOf(durationMs));
            events.publishEvent(new AuditEvent(
                    AuditEvent.SYSTEM,
                    run.partner(),
                    "diagnostics.smoke-test-finished",
                    "smoke-test/" + run.id(),
                    details));
            if (state != SmokeTest.State.PASSED) {
                events.publishEvent(new AlertRaised(
                        run.partner(),
                        "diagnostics.smoke-test-failed",
                        "connection/" + run.connection(),
                        AlertRaised.Severity.WARNING,
                        "The Playwright smoke test of the partner's login "
                                + (state == SmokeTest.State.TIMED_OUT ? "ran out of time" : "failed")
                                + " at step " + failedStep + ".",
                        Map.of("smokeTest", run.id(), "step", String.valueOf(failedStep), "state", state.name())));
            }
        });
    }

    private static List<SmokeTest.Step> failFirstPending(List<SmokeTest.Step> steps, String failure) {
        boolean failed = false;
        List<SmokeTest.Step> result = new java.util.ArrayList<>();
        for (SmokeTest.Step step : steps) {
            if (!step.status().equals("PENDING")) {
                result.add(step);
            } else if (!failed) {
                result.add(new SmokeTest.Step(step.name(), "FAILED", null, null, null, failure));
                failed = true;
            } else {
                result.add(new SmokeTest.Step(step.name(), "SKIPPED", null, null, null, null));
            }
        }
        return result;
    }

    private static SmokeTest withState(SmokeTest run, SmokeTest.State state, List<SmokeTest.Step> steps) {
        return new SmokeTest(
                run.id(),
                run.partner(),
                run.connection(),
                state,
                run.requestedBy(),
                run.requestedAt(),
                run.finishedAt(),
                run.durationMs(),
                steps,
                run.trace());
    }

    /** The named connection of the partner, or the partner's newest active one the smoke test can drive. */
    private ConnectionCredentials connectionToTest(WorkspaceUser user, String partner, String connectionId) {
        ConnectionCredentials connection;
        if (connectionId != null && !connectionId.isBlank()) {
            connection = connections
                    .find(connectionId)
                    .filter(c -> c.partner().equals(partner))
                    .orElseThrow(() -> Refusal.notFound("connection-not-found", "There is no such connection."));
        } else {
            connection = connectionStatus.visibleTo(user, partner).stream()
                    .filter(summary -> "ACTIVE".equals(summary.state()))
                    .map(summary -> connections.find(summary.id()).orElse(null))
                    .filter(c -> c != null && TESTABLE_ADAPTER.equals(c.broker().adapter()))
                    .findFirst()
                    .orElseThrow(() -> Refusal.of(
                            HttpStatus.CONFLICT,
                            "smoke-test-no-connection",
                            "The partner has no active connection the smoke test can use; connect a broker first."));
        }
        if (!TESTABLE_ADAPTER.equals(connection.broker().adapter())) {
            throw Refusal.of(
                            HttpStatus.CONFLICT,
                            "smoke-test-unsupported-broker",
                            "The smoke test can drive the login of OAuth 2 brokers only, not "
                                    + connection.broker().name() + ".")
                    .with("broker", connection.broker().id())
                    .with("guide", Guides.of("partner-onboarding", "smoke-test"));
        }
        if ("REVOKED".equals(connection.state())) {
            throw Refusal.of(
                    HttpStatus.CONFLICT,
                    "smoke-test-connection-revoked",
                    "The connection is revoked: its keys are gone, so there is nothing to log in with.");
        }
        return connection;
    }
}
