package com.partnerworkspace.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Migrating a process's running instances between two of its versions: the plan from the engine's migration
 * API ({@code mapEqualActivities} plus the ops person's own mapping) and where the instances wait, reported
 * before anything runs; proposed for review by a second ops person (BPMN {@code instance-migration}); run as
 * one of the engine's batches on approval, whose progress and failed instances are read back from it.
 */
@Service
class Migrations {

    static final String PROCESS = "instance-migration";

    /** Progress of the batch: instances in it, migrated, and failed for good (retries used up). */
    record Progress(int total, int migrated, int failed) {}

    /** An instance the batch could not migrate, and why. */
    record Failure(@Schema(nullable = true) String instanceId, String message) {}

    record View(
            String id,
            String key,
            int from,
            int to,
            int instances,
            boolean valid,
            List<Migration.Instruction> instructions,
            List<Migration.Problem> errors,
            String author,

            @Schema(allowableValues = {"reported", "proposed", "rejected", "running", "completed"})
            String status,

            @Schema(nullable = true, description = "The review task while proposed")
            String taskId,

            @Schema(nullable = true) String reviewedBy,
            @Schema(nullable = true) String reviewComment,

            @Schema(nullable = true, description = "Once running")
            Progress progress,

            List<Failure> failures) {}

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final TaskService tasks;
    private final MigrationRepository migrations;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Migrations(
            RuntimeService runtime,
            RepositoryService repository,
            ManagementService management,
            TaskService tasks,
            MigrationRepository migrations,
            JdbcTemplate jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events,
            Clock clock) {
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.tasks = tasks;
        this.migrations = migrations;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Validates the plan against the engine and the instances running now, and keeps the report. */
    @Transactional
    Migration report(WorkspaceUser author, String key, int from, int to, List<Migration.Instruction> mapping) {
        if (from == to) {
            throw Refusal.invalid("to", "Choose another version to migrate to than the one they run on.");
        }
        ProcessDefinition source = definition(key, from);
        ProcessDefinition target = definition(key, to);
        Migration migration = new Migration(
                UUID.randomUUID().toString(),
                key,
                from,
                to,
                mapping,
                validate(source, target, mapping),
                author.username(),
                Migration.Status.reported,
                clock.instant(),
                null,
                null,
                null,
                null,
                null);
        migrations.insert(migration);
        audit(
                author.username(),
                "migration.reported",
                migration,
                Map.of("valid", migration.report().valid()));
        return migration;
    }

    Migration find(String id) {
        return migrations
                .find(id)
                .orElseThrow(() -> Refusal.notFound("migration-not-found", "There is no migration " + id + "."));
    }

    /** Asks a second ops person to approve; only a valid report may be proposed, once. */
    @Transactional
    Migration propose(WorkspaceUser user, String id) {
        Migration migration = find(id);
        if (!migration.report().valid()) {
            throw Refusal.of(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "migration-invalid",
                            "The validation report lists problems; map the activities it names and check again.")
                    .with("errors", migration.report().errors());
        }
        if (migration.status() != Migration.Status.reported) {
            throw Refusal.of(
                    HttpStatus.CONFLICT, "migration-not-open", "This migration is " + migration.status() + ".");
        }
        String review = runtime.startProcessInstanceByKey(
                        PROCESS,
                        id,
                        Variables.createVariables().putValue("migrationId", id).putValue("author", migration.author()))
                .getId();
        if (!migrations.proposed(id, review)) {
            throw Refusal.of(HttpStatus.CONFLICT, "migration-not-open", "This migration was proposed already.");
        }
        audit(
                user.username(),
                "migration.proposed",
                migration,
                Map.of("instances", migration.report().instances()));
        return find(id);
    }

    /**
     * Step "Run migration": the plan built again (the versions are immutable, the mapping is kept) and run as
     * a batch over the instances of the source version running now. An instance that meanwhile waits where
     * the plan does not reach fails in the batch and is listed as a failure.
     */
    @Transactional
    void run(String id, String reviewer, String comment) {
        Migration migration = find(id);
        if (migration.status() != Migration.Status.proposed) {
            return; // a retried job after the batch started
        }
        ProcessDefinition source = definition(migration.key(), migration.from());
        MigrationPlan plan = builder(source, definition(migration.key(), migration.to()), migration.mapping())
                .build();
        int instances = (int) runtime.createProcessInstanceQuery()
                .processDefinitionId(source.getId())
                .count();
        Batch batch = runtime.newMigration(plan)
                .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(source.getId()))
                .executeAsync();
        migrations.running(id, reviewer, comment, batch.getId(), instances);
        audit(
                reviewer,
                "migration.started",
                migration,
                Map.of("instances", instances, "batch", batch.getId(), "comment", comment == null ? "" : comment));
    }

    /** Step "Record rejection". */
    @Transactional
    void reject(String id, String reviewer, String comment) {
        Migration migration = find(id);
        migrations.rejected(id, reviewer, comment);
        audit(reviewer, "migration.rejected", migration, Map.of("comment", comment == null ? "" : comment));
    }

    View view(Migration migration) {
        Progress progress = null;
        List<Failure> failures = List.of();
        Migration.Status status = migration.status();
        if (migration.batchId() != null) {
            BatchStatistics batch = management
                    .createBatchStatisticsQuery()
                    .batchId(migration.batchId())
                    .singleResult();
            int total = migration.startedWith();
            if (batch == null) { // the engine removes a batch once every job of it succeeded
                progress = new Progress(total, total, 0);
                status = Migration.Status.completed;
            } else {
                failures = failuresOf(batch);
                // one instance per batch job (the engine's default): a completed job is a migrated instance
                progress = new Progress(total, batch.getCompletedJobs(), batch.getFailedJobs());
                if (batch.getTotalJobs() > 0 && batch.getRemainingJobs() == batch.getFailedJobs()) {
                    status = Migration.Status.completed;
                }
            }
        }
        Migration.Report report = migration.report();
        return new View(
                migration.id(),
                migration.key(),
                migration.from(),
                migration.to(),
                report.instances(),
                report.valid(),
                report.instructions(),
                report.errors(),
                migration.author(),
                status.name(),
                reviewTaskOf(migration),
                migration.reviewedBy(),
                migration.reviewComment(),
                progress,
                failures);
    }

    private String reviewTaskOf(Migration migration) {
        if (migration.processInstance() == null || migration.status() != Migration.Status.proposed) {
            return null;
        }
        Task review = tasks.createTaskQuery()
                .processInstanceId(migration.processInstance())
                .singleResult();
        return review == null ? null : review.getId();
    }

    /** Each batch job whose retries are used up, with the instance it carried (one instance per job). */
    private List<Failure> failuresOf(Batch batch) {
        List<Failure> failures = new ArrayList<>();
        for (Job job : management
                .createJobQuery()
                .jobDefinitionId(batch.getBatchJobDefinitionId())
                .noRetriesLeft()
                .list()) {
            for (String instance : instancesOf(job)) {
                failures.add(new Failure(instance, job.getExceptionMessage()));
            }
        }
        return failures;
    }

    /** The process instances a batch job carries, from its configuration (Camunda keeps them as JSON). */
    private List<String> instancesOf(Job job) {
        String configuration = ((JobEntity) job).getJobHandlerConfigurationRaw();
        List<byte[]> bytes = jdbc.query(
                "select BYTES_ from " + management.getTableName(ByteArrayEntity.class) + " where ID_ = ?",
                (row, n) -> row.getBytes(1),
                configuration);
        if (bytes.isEmpty()) {
            return List.of("unknown");
        }
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : json.readTree(bytes.get(0)).path("processInstanceIds")) {
                ids.add(id.asText());
            }
            return ids.isEmpty() ? List.of("unknown") : ids;
        } catch (IOException e) {
            return List.of("unknown");
        }
    }

    private Migration.Report validate(
            ProcessDefinition source, ProcessDefinition target, List<Migration.Instruction> mapping) {
        List<Migration.Problem> errors = new ArrayList<>();
        List<MigrationInstruction> instructions;
        try {
            instructions = builder(source, target, mapping).build().getInstructions();
        } catch (MigrationPlanValidationException e) {
            instructions = e.getValidationReport().getMigrationPlan().getInstructions();
            for (MigrationInstructionValidationReport report :
                    e.getValidationReport().getInstructionReports()) {
                String activity = report.getMigrationInstruction().getSourceActivityId();
                report.getFailures().forEach(failure -> errors.add(new Migration.Problem(activity, failure)));
            }
        }
        Set<String> mapped = new LinkedHashSet<>();
        instructions.forEach(instruction -> mapped.add(instruction.getSourceActivityId()));
        for (ActivityStatistics waiting :
                management.createActivityStatisticsQuery(source.getId()).list()) {
            if (waiting.getInstances() > 0 && !mapped.contains(waiting.getId())) {
                errors.add(new Migration.Problem(
                        waiting.getId(),
                        waiting.getInstances() + " running instance(s) wait at " + waiting.getId()
                                + ", which the plan does not map to version " + target.getVersion() + "."));
            }
        }
        int instances = (int) runtime.createProcessInstanceQuery()
                .processDefinitionId(source.getId())
                .count();
        if (instances == 0) {
            errors.add(new Migration.Problem(null, "No instance of version " + source.getVersion() + " is running."));
        }
        return new Migration.Report(
                instances,
                errors.isEmpty(),
                instructions.stream()
                        .map(i -> new Migration.Instruction(i.getSourceActivityId(), i.getTargetActivityId()))
                        .toList(),
                errors);
    }

    private MigrationPlanBuilder builder(
            ProcessDefinition source, ProcessDefinition target, List<Migration.Instruction> mapping) {
        MigrationPlanBuilder plan =
                runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        for (Migration.Instruction instruction : mapping) {
            plan = plan.mapActivities(instruction.source(), instruction.target());
        }
        return plan;
    }

    private ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .processDefinitionVersion(version)
                .singleResult();
        if (definition == null) {
            throw Refusal.notFound("model-version-not-found", key + " has no process version " + version + ".");
        }
        return definition;
    }

    private void audit(String actor, String action, Migration migration, Map<String, Object> details) {
        Map<String, Object> all = new HashMap<>(details);
        all.put("key", migration.key());
        all.put("from", migration.from());
        all.put("to", migration.to());
        events.publishEvent(new AuditEvent(actor, null, action, "migration/" + migration.id(), all));
    }
}
