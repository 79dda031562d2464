package com.partnerworkspace.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The engine's clock in {@link EngineTest}s: real UTC time plus an offset a test moves forward, so a
 * grant lapses, a silence ends or an escalation is due without waiting for it. Camunda's own clock
 * ({@link ClockUtil}: timer, job and task due dates, the job executor's idea of "due") moves with it.
 *
 * <p>Time keeps running while moved, so whatever measures durations still works. Keycloak and OpenBao
 * keep their real clocks: a token or a Vault TTL never lapses because this clock moved. Every test
 * starts at offset zero ({@link ResetAfterEach}).
 */
public final class TestClock extends Clock {

    private final ObjectProvider<ProcessEngine> engine;
    private volatile Duration offset = Duration.ZERO;

    TestClock(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock moved = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return moved.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moved.withZone(other);
            }
        };
    }

    /** Moves the product's and Camunda's clocks forward, and wakes the job executor to look at what is due. */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward within a test: " + by);
        }
        offset = offset.plus(by);
        ClockUtil.offset(offset.toMillis());
        jobExecutor().jobWasAdded();
    }

    /** Moves the clocks forward to {@code moment}; a moment already past leaves them as they are. */
    public void advanceTo(Instant moment) {
        Duration ahead = Duration.between(instant(), moment);
        if (!ahead.isNegative() && !ahead.isZero()) {
            advance(ahead);
        }
    }

    /**
     * Fires, now and in the calling thread, the timers that the moved clock made due in the process instances
     * with these business keys (a delegation's or an alert's id, a silence's id). Timers of other instances
     * are left to the job executor, which {@link #advance} woke. What a timer leads to afterwards (an
     * asynchronous step calling Keycloak or SMTP) runs on the job executor as in production, so a test still
     * awaits its effect. Returns how many timers fired here.
     */
    public int fireDueTimers(String... businessKeys) {
        ManagementService jobs = engine.getObject().getManagementService();
        int fired = 0;
        for (String businessKey : businessKeys) {
            for (Job timer : timersOf(businessKey)) {
                if (!timer.getDuedate().after(ClockUtil.getCurrentTime()) && fire(jobs, timer)) {
                    fired++;
                }
            }
        }
        return fired;
    }

    /**
     * Waits (briefly, on real time) until the process instance with this business key waits on a timer: it
     * has done what it does before time has to pass, so what it did not do yet it will not do before then.
     */
    public void awaitTimerOf(String businessKey) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (timersOf(businessKey).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the process of " + businessKey + " never waited on a timer");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<Job> timersOf(String businessKey) {
        ProcessEngine processes = engine.getObject();
        List<Job> timers = new ArrayList<>();
        for (ProcessInstance instance : processes
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .list()) {
            timers.addAll(processes
                    .getManagementService()
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .timers()
                    .list());
        }
        return timers;
    }

    /**
     * Runs the job unless the job executor, woken by {@link #advance}, got to it first. Losing that race
     * does not always end in an optimistic-locking failure: reading an execution tree the job executor is
     * committing at that moment can fail in any way (a half-read tree), and the transaction rolls back.
     * Any failure while the job executor holds or has done the job counts as lost; the job's effect is then
     * the job executor's, awaited by the test as usual.
     */
    private static boolean fire(ManagementService jobs, Job job) {
        try {
            jobs.executeJob(job.getId());
            return true;
        } catch (OptimisticLockingException raced) {
            return false;
        } catch (RuntimeException e) {
            if (takenByJobExecutor(jobs, job.getId())) {
                return false;
            }
            throw e;
        }
    }

    private static boolean takenByJobExecutor(ManagementService jobs, String jobId) {
        Job now = jobs.createJobQuery().jobId(jobId).singleResult();
        return now == null || (now instanceof JobEntity entity && entity.getLockOwner() != null);
    }

    /**
     * Back to real time. Background cycles (rotation schedule, health scan, login-failure watch) that fired
     * while the clock was ahead were scheduled from the moved time: they are brought back by the same offset,
     * so a long move in one test does not silence them for the tests after it.
     */
    synchronized void reset() {
        Duration moved = offset;
        offset = Duration.ZERO;
        ClockUtil.reset();
        if (!moved.isZero()) {
            bringBackCycles(moved);
        }
    }

    private void bringBackCycles(Duration moved) {
        ManagementService jobs = engine.getObject().getManagementService();
        Date now = new Date();
        for (Job cycle : jobs.createJobQuery().timers().duedateHigherThan(now).list()) {
            if (cycle.getProcessInstanceId() == null) {
                bringBack(jobs, cycle.getId(), moved, now);
            }
        }
    }

    /**
     * Moves one cycle's due date back by {@code moved}. The job executor may lock, run or reschedule the job
     * between the read and the write (an optimistic-locking failure): then it is read again and brought
     * back from what it is now, or left alone once it fired or is due anyway.
     */
    private static void bringBack(ManagementService jobs, String jobId, Duration moved, Date now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Job current = jobs.createJobQuery().jobId(jobId).singleResult();
            if (current == null
                    || current.getDuedate() == null
                    || !current.getDuedate().after(now)) {
                return;
            }
            Instant back = current.getDuedate().toInstant().minus(moved);
            try {
                jobs.setJobDuedate(jobId, Date.from(back.isBefore(now.toInstant()) ? now.toInstant() : back));
                return;
            } catch (ProcessEngineException touchedMeanwhile) {
                // read it again
            }
        }
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration()).getJobExecutor();
    }

    /** Puts this clock in place of the product's {@code Clock} bean, in the one shared context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock(ObjectProvider<ProcessEngine> engine) {
            return new TestClock(engine);
        }
    }

    /** Every test starts on real time, whatever the one before it did to the clock. */
    public static class ResetAfterEach implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context)
                    .getBean(TestClock.class)
                    .reset();
        }
    }
}
