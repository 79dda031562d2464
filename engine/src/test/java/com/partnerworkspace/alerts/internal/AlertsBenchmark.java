package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.alerts.AlertCleared;
import com.partnerworkspace.alerts.AlertRaised;
import com.partnerworkspace.testsupport.EngineOnPostgres;
import com.partnerworkspace.testsupport.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints, from one run on PostgreSQL, alerts per second end to end — raise → level 1 delivered to the
 * local receivers (a WARNING goes out by email to the in-JVM SMTP server and to Slack on the local
 * receiver, per {@code alert-routing}) — beside the same BPMN shape with no-op delegates on the same
 * engine in the same run, as a ratio (target ≥ 0.5). Each side raises {@value #DEFAULT_ALERTS} alerts
 * ({@code -Dbench.alerts=N} for another count) from {@value #CLIENTS} threads after a warm-up of
 * {@value #WARMUP}, and is timed until every one is delivered (real) or has passed its notify step (no-op);
 * {@value #ROUNDS} alternating rounds, the medians compared (a single round swings with the JIT and with
 * what else the two cores do).
 * Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=AlertsBenchmark}.
 *
 * <p>The engine runs on PostgreSQL as in {@code EngineOnPostgresTest}: a second Spring context with a
 * second Camunda engine in the JVM, so it runs last for the same reason.
 */
@EngineOnPostgres
@Order(Integer.MAX_VALUE)
@Tag("benchmark")
class AlertsBenchmark {

    private static final int DEFAULT_ALERTS = 300;
    private static final int ALERTS = Integer.getInteger("bench.alerts", DEFAULT_ALERTS);
    private static final int WARMUP = 100;
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 3;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

    /** A WARNING outside quiet hours goes out on email and Slack ({@code processes/alert-routing.dmn}). */
    private static final int LEVEL_ONE_CHANNELS = 2;

    private static final String NO_OP_PROCESS = "alert-escalation-noop";
    private static final String WAITING_GATEWAY = "Gateway_WaitForAcknowledgement";

    @Autowired
    AlertService alerts;

    @Autowired
    AlertPreferencesStore preferences;

    @Autowired
    AlertPolicy policy;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Test
    void alertsPerSecondBesideNoOpDelegates() {
        assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
        String partner = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        preferences.save(partner, benchPreferences(), "bench");
        DeploymentWithDefinitions noOp = deployNoOpShape();
        String noOpDefinition = noOp.getDeployedProcessDefinitions().get(0).getId();
        try {
            raiseAndAwaitDelivered(partner, "benchmark.warm-up", WARMUP);
            startAndAwaitNotified(noOpDefinition, partner, "warm-up", WARMUP);

            // Alternating rounds, medians compared: one round's figure swings with what else the two cores do.
            List<Double> real = new java.util.ArrayList<>();
            List<Double> noOpRates = new java.util.ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                String type = "benchmark.measured-" + round;
                real.add(ALERTS / seconds(() -> raiseAndAwaitDelivered(partner, type, ALERTS)));
                String label = "measured-" + round;
                noOpRates.add(ALERTS / seconds(() -> startAndAwaitNotified(noOpDefinition, partner, label, ALERTS)));
                resolveAll(partner, type, ALERTS);
                System.out.printf(
                        "round %d: real %.2f/s, no-op %.2f/s%n", round, real.get(round - 1), noOpRates.get(round - 1));
            }
            double realRate = median(real);
            double noOpRate = median(noOpRates);
            System.out.printf(
                    "%nBENCHMARK alerts end to end on PostgreSQL, %d WARNING alerts per round from %d threads, median of %d rounds: raise -> level 1 delivered (email + Slack) %.2f/s, same BPMN shape with no-op delegates %.2f/s, ratio %.2f (target >= 0.5)%n%n",
                    ALERTS, CLIENTS, ROUNDS, realRate, noOpRate, realRate / noOpRate);
        } finally {
            resolveAll(partner, "benchmark.warm-up", WARMUP);
            repository.deleteDeployment(noOp.getId(), true);
            preferences.reset(partner);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Email to one address on the SMTP server, Slack to the local receiver; no quiet hours. */
    private static AlertPreferences benchPreferences() {
        return new AlertPreferences(
                new AlertPreferences.Channels(
                        List.of("bench@partner-workspace.test"), Receiver.slackUrl("bench"), List.of(), ""),
                new AlertPreferences.Thresholds(24, 2, 5, 5),
                null,
                new AlertPreferences.EscalationDelays("PT2H", "PT30M", "PT5M"),
                List.of());
    }

    /** Real path: each raise is the feature's own entry point, which starts {@code alert-escalation}. */
    private void raiseAndAwaitDelivered(String partner, String type, int count) {
        concurrently(
                count,
                i -> alerts.raise(new AlertRaised(
                        partner,
                        type,
                        resource(i),
                        AlertRaised.Severity.WARNING,
                        "Benchmark alert " + i,
                        Map.of("benchmark", type))));
        awaitCount(
                "level-1 deliveries SENT of " + type,
                (long) count * LEVEL_ONE_CHANNELS,
                () -> sentLevelOneDeliveries(partner, type));
    }

    private long sentLevelOneDeliveries(String partner, String type) {
        return db.sql("""
                        select count(*) from alert_delivery d join alert a on a.id = d.alert_id
                        where a.partner = :partner and a.type = :type and d.level = 1 and d.outcome = 'SENT'""")
                .param("partner", partner)
                .param("type", type)
                .query(Long.class)
                .single();
    }

    /** No-op path: the same start variables, started in a transaction, timed until past the notify step. */
    private void startAndAwaitNotified(String definitionId, String partner, String round, int count) {
        List<String> instances = concurrently(
                count,
                i -> transactions.execute(status -> runtime.startProcessInstanceById(
                                definitionId,
                                "noop-" + round + "-" + i,
                                noOpVariables("noop-" + round + "-" + i, partner))
                        .getId()));
        awaitCount(
                "no-op instances past the notify step (" + round + ")",
                count,
                () -> runtime.createProcessInstanceQuery()
                        .processInstanceIds(new HashSet<>(instances))
                        .activityIdIn(WAITING_GATEWAY)
                        .count());
    }

    /** What {@link AlertService#raise} starts the real process with, plus what its delegates would set. */
    private Map<String, Object> noOpVariables(String alertId, String partner) {
        return Map.of(
                "alertId",
                alertId,
                "partner",
                partner,
                "severity",
                AlertRaised.Severity.WARNING.name(),
                "level",
                1,
                "maxLevel",
                2 * Math.max(1, policy.escalationRepeats()),
                "deliveryRetryCycle",
                policy.deliveryRetryCycle(),
                "inQuietHours",
                false,
                "waitFor",
                "PT1H");
    }

    /**
     * {@code alert-escalation} up to its wait, with every delegate replaced by a no-op expression: the
     * routing listener only sets the tier, the routing DMN is the real one, the notify step (async, with
     * the same retry cycle) only says the alert is still open. The levels after the escalation timer are
     * left out: the timer (an hour) never fires during the run.
     */
    private DeploymentWithDefinitions deployNoOpShape() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(NO_OP_PROCESS)
                .camundaHistoryTimeToLiveString("P1D")
                .startEvent("Event_AlertRaised")
                .exclusiveGateway("Gateway_Level")
                .businessRuleTask("Task_ChooseChannels")
                .camundaDecisionRef("alert-routing")
                .camundaMapDecisionResult("singleEntry")
                .camundaResultVariable("channels")
                .camundaExecutionListenerExpression("start", "${execution.setVariable('tier', level)}")
                .serviceTask("Task_NotifyLevel")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("${deliveryRetryCycle}")
                .camundaExpression("${execution.setVariable('stillOpen', true)}")
                .exclusiveGateway("Gateway_StillOpen")
                .condition("yes", "${stillOpen}")
                .eventBasedGateway()
                .id(WAITING_GATEWAY)
                .intermediateCatchEvent("Event_AlertAcknowledged")
                .message("AlertAcknowledged")
                .endEvent("Event_Acknowledged")
                .moveToNode(WAITING_GATEWAY)
                .intermediateCatchEvent("Event_AlertResolved")
                .message("AlertResolved")
                .endEvent("Event_Resolved")
                .moveToNode(WAITING_GATEWAY)
                .intermediateCatchEvent("Event_NotAcknowledgedInTime")
                .timerWithDuration("${waitFor}")
                .endEvent("Event_NotAcknowledged")
                .moveToNode("Gateway_StillOpen")
                .condition("no", "${!stillOpen}")
                .endEvent("Event_ClosedMeanwhile")
                .done();
        return repository
                .createDeployment()
                .name(NO_OP_PROCESS)
                .addModelInstance(NO_OP_PROCESS + ".bpmn", model)
                .deployWithResult();
    }

    /** The condition is gone: each open benchmark alert is resolved and its escalation ends. */
    private void resolveAll(String partner, String type, int count) {
        for (int i = 0; i < count; i++) {
            alerts.clear(new AlertCleared(partner, type, resource(i)));
        }
    }

    private static String resource(int index) {
        return "benchmark/" + index;
    }

    private static double seconds(Runnable run) {
        Instant started = Instant.now();
        run.run();
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }

    private static void awaitCount(String what, long expected, LongSupplier current) {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        long count;
        while ((count = current.getAsLong()) < expected) {
            assertThat(Instant.now())
                    .as("%s: %d of %d within %s", what, count, expected, DELIVERY_TIMEOUT)
                    .isBefore(deadline);
            sleep(Duration.ofMillis(50));
        }
        assertThat(count).as(what).isEqualTo(expected);
    }

    private static <T> List<T> concurrently(int count, IntFunction<T> act) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(clients.submit(() -> act.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clients.shutdownNow();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
