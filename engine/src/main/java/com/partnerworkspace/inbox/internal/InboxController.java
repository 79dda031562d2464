package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Problems;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.system.Retry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InboxController {

    /** What a candidate hears about a task someone else completed: who, and when. */
    static final String TAKEN_MEANWHILE = "Someone completed the task meanwhile (takenBy, takenAt)";

    private static final int MOST_FIELDS = 20;

    private static final int MOST_PER_PAGE = 200;
    private static final int MOST_PAGES = 100_000;

    private final Inbox inbox;
    private final BulkTaskWork bulk;

    InboxController(Inbox inbox, BulkTaskWork bulk) {
        this.inbox = inbox;
        this.bulk = bulk;
    }

    record TaskSummary(
            String id,
            String name,
            String process,
            @Schema(nullable = true) String partner,
            @Schema(nullable = true) String assignee,
            Instant created,
            @Schema(nullable = true) Instant due,
            String summary) {}

    record TaskDetail(
            String id,
            String name,
            String process,
            @Schema(nullable = true) String partner,
            @Schema(nullable = true) String assignee,
            Instant created,
            @Schema(nullable = true) Instant due,
            String summary,
            Map<String, Object> context,
            List<com.partnerworkspace.inbox.TaskForm.Field> fields,

            @Schema(description = "False when the task's rules refuse this user a decision (e.g. four eyes)")
            boolean mayDecide,

            @Schema(nullable = true, description = "Why not, in words, when mayDecide is false")
            String mayNotDecideBecause) {}

    @Operation(
            summary = "A page of the tasks assigned to me or offered to my roles",
            description = "Filters combine with AND. due: overdue (before now), today, week (today and the next"
                    + " six days, UTC), none (no due date). assignee: me, unassigned (offered to my roles, claimed by"
                    + " nobody), anyone (default). sort: due|created|priority, optionally ',asc' or ',desc'"
                    + " (default due,asc; ties by created, then id). page from 0, size 1.." + MOST_PER_PAGE
                    + " (default 50).")
    @GetMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskPage tasks(
            Authentication authentication,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String process,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String partner,
            @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    @Pattern(regexp = TaskCriteria.DUE, message = "must be one of overdue, today, week, none")
                    String due,
            @RequestParam(required = false) Integer priority,
            @RequestParam(required = false) @Size(max = InputLimits.NAME) String group,
            @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    @Pattern(regexp = TaskCriteria.ASSIGNEE, message = "must be one of me, unassigned, anyone")
                    String assignee,
            @RequestParam(required = false)
                    @Size(max = InputLimits.ID)
                    @Pattern(
                            regexp = TaskSort.SYNTAX,
                            message = "must be due, created or priority, optionally followed by ,asc or ,desc")
                    String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MOST_PAGES) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MOST_PER_PAGE) int size) {
        return inbox.tasks(
                CurrentUser.of(authentication),
                new TaskCriteria(process, partner, due, priority, group, assignee),
                TaskSort.parse(sort),
                page,
                size);
    }

    @Operation(
            summary = "One action on many tasks, each on its own, with a result per task",
            description = "action claim|unclaim|reassign|complete on taskIds (at most " + BulkTaskWork.MOST_TASKS
                    + ") or on every task I see that matches filter (refused when more match). Each task is"
                    + " decided exactly as alone (own transaction, four eyes, eligible approvers, fresh MFA);"
                    + " outcome is done or the refusal's slug, status and detail its HTTP answer alone.")
    @PostMapping(
            path = "/api/tasks/bulk",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BulkResults bulk(Authentication authentication, @Valid @RequestBody BulkRequest request) {
        Map<String, String> errors = request.inconsistencies();
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (request.values() != null) {
            requireBounded(request.values());
        }
        return new BulkResults(bulk.run(CurrentUser.of(authentication), request));
    }

    record BulkResults(List<BulkTaskWork.Result> results) {}

    @Operation(summary = "One task with its business context and form fields")
    @AlsoAnswers(status = 409, description = TAKEN_MEANWHILE)
    @GetMapping(path = "/api/tasks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskDetail task(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return inbox.task(CurrentUser.of(authentication), id);
    }

    @Operation(
            summary = "The task's form: its form-js schema (camunda:formRef) and the values it holds so far",
            description = "Completing checks the submitted values against this schema (only its fields, types,"
                    + " required, options, min/max, length, pattern) and the task's own rules; a task without a"
                    + " deployed form answers 404 task-form-not-found.")
    @AlsoAnswers(status = 409, description = TAKEN_MEANWHILE)
    @GetMapping(path = "/api/tasks/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskFormView form(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return inbox.form(CurrentUser.of(authentication), id);
    }

    @Operation(summary = "Take the task: nobody else can decide it until it is unclaimed")
    @AlsoAnswers(status = 409, description = "Someone else holds the task")
    @PostMapping(path = "/api/tasks/{id}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskDetail claim(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return inbox.claim(CurrentUser.of(authentication), id);
    }

    @Operation(summary = "Give the task back to its candidates")
    @AlsoAnswers(status = 409, description = "Someone else holds the task")
    @PostMapping(path = "/api/tasks/{id}/unclaim", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskDetail unclaim(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return inbox.unclaim(CurrentUser.of(authentication), id);
    }

    @Operation(
            summary = "Complete the task with its form's fields, e.g. {\"approved\": true, \"comment\": \"...\"}",
            description = "The values are checked against the task's form (GET /api/tasks/{id}/form) and its own"
                    + " rules first: a 400 names each offending field and the task stays open.")
    @AlsoAnswers(status = 409, description = "Someone else holds the task")
    @PostMapping(path = "/api/tasks/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> complete(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @RequestBody
                    @Schema(description = "The form's fields by name", additionalPropertiesSchema = FieldValue.class)
                    Map<String, Object> fields) {
        requireBounded(fields);
        WorkspaceUser user = CurrentUser.of(authentication);
        Retry.onConcurrentChange(() -> {
            inbox.complete(user, id, fields);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    /** What a form field may hold: true/false, a number, or text of bounded length. */
    @Schema(
            types = {"boolean", "number", "string"},
            maxLength = InputLimits.TEXT,
            description = "true/false, a number, or text")
    interface FieldValue {}

    /**
     * Before any form sees them: a few fields named by short words, each true/false, a number or bounded
     * text (no nested objects), or a 400 naming each offending field.
     */
    private static void requireBounded(Map<String, Object> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (fields.size() > MOST_FIELDS) {
            errors.put("fields", "must be at most " + MOST_FIELDS + " fields");
        }
        fields.forEach((name, value) -> {
            if (name.length() > InputLimits.ID) {
                errors.put(name.substring(0, InputLimits.ID), "is not a field of any form");
            } else if (value instanceof String text && text.length() > InputLimits.TEXT) {
                errors.put(name, "size must be between 0 and " + InputLimits.TEXT);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                errors.put(name, "must be true/false, a number or text");
            }
        });
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.invalid("Some fields of the request are not valid.", errors),
                    null);
        }
    }
}
