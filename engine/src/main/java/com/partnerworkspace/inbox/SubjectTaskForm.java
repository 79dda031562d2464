package com.partnerworkspace.inbox;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;

/**
 * What every {@link TaskForm} about one thing (a connection, a delegation, an alert) shares: it names its
 * task, finds the thing the task is about, and reads the submitted fields, refusing a bad submission as a
 * 400 {@code invalid-request} whose detail says what is wrong. A feature's form says only what is its own:
 * the thing, what the decider reads about it, who may decide and what deciding does.
 *
 * @param <T> the thing the task is about
 */
public abstract class SubjectTaskForm<T> implements TaskForm {

    private static final Validator BEAN_VALIDATION =
            Validation.buildDefaultValidatorFactory().getValidator();

    private final String processKey;
    private final String taskKey;

    protected SubjectTaskForm(String processKey, String taskKey) {
        this.processKey = processKey;
        this.taskKey = taskKey;
    }

    /** The thing the task is about, e.g. by a process variable or the process's business key. */
    protected abstract T subjectOf(Task task);

    protected abstract String summaryOf(T subject);

    protected abstract String partnerOf(T subject);

    protected abstract Map<String, Object> contextOf(T subject);

    /** @throws Refusal (403) when this user may not decide about this thing */
    protected abstract void checkMayDecide(WorkspaceUser user, T subject);

    /** The feature's side of the decision; the submitted fields are never null here. */
    protected abstract Map<String, Object> decide(WorkspaceUser user, T subject, Map<String, Object> submitted);

    @Override
    public final String processKey() {
        return processKey;
    }

    @Override
    public final String taskKey() {
        return taskKey;
    }

    @Override
    public String summary(Task task) {
        return summaryOf(subjectOf(task));
    }

    @Override
    public String partner(Task task) {
        return partnerOf(subjectOf(task));
    }

    /** One lookup of the thing for both: a page of 50 tasks reads 50 things, not 100. */
    @Override
    public Listed listed(Task task) {
        T subject = subjectOf(task);
        return new Listed(summaryOf(subject), partnerOf(subject));
    }

    @Override
    public Map<String, Object> context(Task task) {
        return contextOf(subjectOf(task));
    }

    @Override
    public void checkMayDecide(WorkspaceUser user, Task task) {
        checkMayDecide(user, subjectOf(task));
    }

    @Override
    public Map<String, Object> complete(WorkspaceUser user, Task task, Map<String, Object> submitted) {
        return decide(user, subjectOf(task), submitted == null ? Map.of() : submitted);
    }

    /** The two fields of an approve-or-reject task: the decision and a comment, required when rejecting. */
    protected static final List<Field> DECISION_FIELDS = List.of(
            new Field("approved", "boolean", "Approve", true),
            new Field("comment", "string", "Comment (required when rejecting)", false));

    /** An approve-or-reject decision; the comment stripped, empty when none was given. */
    public record Decision(
            @NotNull(message = NOT_A_DECISION) Boolean approved,

            @Size(max = MAX_COMMENT, message = "Field 'comment' must be at most 2000 characters.")
            String comment) {

        public static final int MAX_COMMENT = 2000;
        static final String NOT_A_DECISION = "Field 'approved' must be true or false.";

        @AssertTrue(message = "Field 'comment' must say why when rejecting.")
        boolean isExplained() {
            return approved == null || approved || !comment.isEmpty();
        }
    }

    /** The submitted {@link #DECISION_FIELDS}, and nothing else, read as a valid {@link Decision}. */
    protected static Decision decisionOf(Map<String, Object> submitted) {
        requireOnly(submitted, List.of("approved", "comment"));
        Boolean approved = valueOf(submitted, "approved", Boolean.class, Decision.NOT_A_DECISION);
        String comment = valueOf(submitted, "comment", String.class, "Field 'comment' must be text.");
        return valid(new Decision(approved, comment == null ? "" : comment.strip()));
    }

    /** A 400 for a submission this form does not accept. */
    protected static Refusal invalid(String detail) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    /** A 403: this user may not decide this task. */
    protected static Refusal notAllowed(String slug, String detail) {
        return Refusal.of(HttpStatus.FORBIDDEN, slug, detail);
    }

    /** Refuses the first submitted field that is not one of {@code fields}. */
    protected static void requireOnly(Map<String, Object> submitted, List<String> fields) {
        submitted.keySet().stream()
                .filter(field -> !fields.contains(field))
                .findFirst()
                .ifPresent(field -> {
                    throw invalid("Field '" + field + "' is not a known field.");
                });
    }

    /** The field's value when it is absent or of {@code type}, else refused with {@code message}. */
    protected static <V> V valueOf(Map<String, Object> submitted, String field, Class<V> type, String message) {
        Object value = submitted.get(field);
        if (value != null && !type.isInstance(value)) {
            throw invalid(message);
        }
        return type.cast(value);
    }

    /**
     * The submission read into a record, checked with its Bean Validation constraints; a violation is
     * refused with its message (the first by field name, so the answer does not vary).
     */
    protected static <R> R valid(R fields) {
        Set<ConstraintViolation<R>> violations = BEAN_VALIDATION.validate(fields);
        violations.stream()
                .min(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw invalid(violation.getMessage());
                });
        return fields;
    }
}
