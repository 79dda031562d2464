package com.partnerworkspace.models.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Open incidents for operations staff: what failed where, its stack trace, and a retry of its job. */
@Service
class Incidents {

    static final String FAILED_JOB = "failedJob";
    static final int MOST_LISTED = 500;

    record OpenIncident(
            String id,
            String type,
            @Schema(nullable = true) String process,
            @Schema(nullable = true) String processInstanceId,

            @Schema(nullable = true, description = "The step (activity id) that failed")
            String activity,

            @Schema(nullable = true) String message,
            Instant since,

            @Schema(description = "Whether retrying its job may clear it (failed jobs only)")
            boolean retryable,

            @Schema(nullable = true, description = "What ops noted about it (e.g. who looks into it)")
            String annotation) {}

    record Detail(
            OpenIncident incident, @Schema(nullable = true) String stacktrace) {}

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;

    Incidents(
            RuntimeService runtime,
            ManagementService management,
            RepositoryService repository,
            ApplicationEventPublisher events) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.events = events;
    }

    /** The open incidents, newest first, of one process or all. */
    List<OpenIncident> open(String processKey) {
        var query = runtime.createIncidentQuery();
        if (processKey != null && !processKey.isBlank()) {
            query.processDefinitionKeyIn(processKey);
        }
        return query.orderByIncidentTimestamp().desc().listPage(0, MOST_LISTED).stream()
                .map(this::view)
                .toList();
    }

    Detail detail(String id) {
        Incident incident = find(id);
        String stacktrace =
                isFailedJob(incident) ? management.getJobExceptionStacktrace(incident.getConfiguration()) : null;
        return new Detail(view(incident), stacktrace);
    }

    /** Gives the failed job one more try (the incident closes; it comes back if the job fails again). */
    @Transactional
    OpenIncident retry(WorkspaceUser user, String id) {
        Incident incident = find(id);
        if (!isFailedJob(incident)) {
            throw Refusal.of(
                    HttpStatus.CONFLICT,
                    "incident-not-retryable",
                    "Only a failed job can be retried; this incident is of type " + incident.getIncidentType() + ".");
        }
        management.setJobRetries(incident.getConfiguration(), 1);
        events.publishEvent(new AuditEvent(
                user.username(),
                null,
                "incident.retried",
                "incident/" + id,
                Map.of(
                        "process", String.valueOf(processKeyOf(incident)),
                        "activity", String.valueOf(incident.getActivityId()))));
        return view(incident);
    }

    /** Notes on the incident what ops know or do about it; blank clears the note. Audited. */
    @Transactional
    OpenIncident annotate(WorkspaceUser user, String id, String annotation) {
        Incident incident = find(id);
        String note = annotation == null ? "" : annotation.strip();
        if (note.isEmpty()) {
            runtime.clearAnnotationForIncidentById(id);
        } else {
            runtime.setAnnotationForIncidentById(id, note);
        }
        events.publishEvent(new AuditEvent(
                user.username(),
                null,
                "incident.annotated",
                "incident/" + id,
                Map.of("process", String.valueOf(processKeyOf(incident)), "annotation", note)));
        return view(find(id));
    }

    private Incident find(String id) {
        Incident incident = runtime.createIncidentQuery().incidentId(id).singleResult();
        if (incident == null) {
            throw Refusal.notFound("incident-not-found", "There is no open incident " + id + ".");
        }
        return incident;
    }

    private OpenIncident view(Incident incident) {
        return new OpenIncident(
                incident.getId(),
                incident.getIncidentType(),
                processKeyOf(incident),
                incident.getProcessInstanceId(),
                incident.getActivityId(),
                incident.getIncidentMessage(),
                incident.getIncidentTimestamp().toInstant(),
                isFailedJob(incident),
                incident.getAnnotation());
    }

    private String processKeyOf(Incident incident) {
        return incident.getProcessDefinitionId() == null
                ? null
                : repository
                        .getProcessDefinition(incident.getProcessDefinitionId())
                        .getKey();
    }

    private static boolean isFailedJob(Incident incident) {
        return FAILED_JOB.equals(incident.getIncidentType()) && incident.getConfiguration() != null;
    }
}
