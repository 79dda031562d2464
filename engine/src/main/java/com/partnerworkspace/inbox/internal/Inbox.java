package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.TaskForm;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.inbox.internal.InboxController.TaskDetail;
import com.partnerworkspace.inbox.internal.InboxController.TaskSummary;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox over Camunda's task service, with each feature's {@link TaskForm} for its own tasks. */
@Service
class Inbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Inbox.class);

    private final TaskService tasks;
    private final RepositoryService repository;
    private final Map<String, TaskForm> forms;
    private final TaskWork taskWork;
    private final HistoryService history;
    private final TaskListQuery list;
    private final FormService formService;
    /** Parsed schemas of forms bound to their process version's deployment, by process definition and task. */
    private final Map<String, TaskFormSchema> schemas = new ConcurrentHashMap<>();
    /** Counts the matches of a listed page beside its page query. */
    private final ExecutorService counting = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "inbox-count");
        thread.setDaemon(true);
        return thread;
    });
    /** Process keys by process definition id. */
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    Inbox(
            TaskService tasks,
            RepositoryService repository,
            List<TaskForm> forms,
            TaskWork taskWork,
            HistoryService history,
            TaskListQuery list,
            FormService formService) {
        this.tasks = tasks;
        this.formService = formService;
        this.history = history;
        this.list = list;
        this.taskWork = taskWork;
        this.repository = repository;
        this.forms = forms.stream().collect(Collectors.toMap(form -> key(form.processKey(), form.taskKey()), f -> f));
    }

    /** One page of the tasks the user sees, narrowed by the criteria; counted by the database, not in memory. */
    TaskPage tasks(WorkspaceUser user, TaskCriteria criteria, TaskSort sort, int page, int size) {
        // The count runs beside the page, on a second connection: a page's answer waits for the slower of
        // the two queries, not for both one after the other.
        CompletableFuture<Long> total = CompletableFuture.supplyAsync(() -> count(user, criteria), counting);
        List<TaskSummary> content = list.page(user.username(), user.roles(), criteria, sort, page * size, size).stream()
                .map(this::summary)
                .toList();
        return new TaskPage(content, new TaskPage.Page(page, size, joined(total)));
    }

    private static long joined(CompletableFuture<Long> total) {
        try {
            return total.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    long count(WorkspaceUser user, TaskCriteria criteria) {
        return list.count(user.username(), user.roles(), criteria);
    }

    /** The ids of the tasks matching the criteria, at most {@code limit} (by due date). */
    List<String> taskIds(WorkspaceUser user, TaskCriteria criteria, int limit) {
        return list.page(user.username(), user.roles(), criteria, TaskSort.DEFAULT, 0, limit).stream()
                .map(Task::getId)
                .toList();
    }

    TaskDetail task(WorkspaceUser user, String id) {
        return detail(user, visibleTask(user, id));
    }

    @Transactional
    TaskDetail claim(WorkspaceUser user, String id) {
        Task task = visibleTask(user, id);
        refuseIfTakenByAnother(user, task);
        formOf(task).ifPresent(form -> form.checkMayDecide(user, task));
        claimFor(user.username(), task);
        return detail(user, visibleTask(user, id));
    }

    @Transactional
    TaskDetail unclaim(WorkspaceUser user, String id) {
        Task task = visibleTask(user, id);
        if (!user.username().equals(task.getAssignee()) && !user.hasRole("ops")) {
            throw Refusal.of(
                    HttpStatus.CONFLICT,
                    "task-not-yours",
                    "Only the person who claimed the task (or ops) can give it back.");
        }
        tasks.setAssignee(id, null);
        return detail(user, visibleTask(user, id));
    }

    /**
     * Hands the task to another candidate: by whoever holds it (or ops, or a candidate while nobody does),
     * only to someone the task is offered to, and who may decide it by the form's rules.
     */
    @Transactional
    TaskDetail reassign(WorkspaceUser user, String id, WorkspaceUser to) {
        Task task = visibleTask(user, id);
        if (!user.hasRole("ops")) {
            refuseIfTakenByAnother(user, task);
        }
        if (!isCandidate(to, task)) {
            throw Refusal.of(
                            HttpStatus.BAD_REQUEST,
                            "not-a-candidate",
                            to.username() + " is not among the people this task is offered to.")
                    .with("assignee", to.username());
        }
        formOf(task).ifPresent(form -> form.checkMayDecide(to, task));
        tasks.setAssignee(id, null);
        claimFor(to.username(), task);
        return detail(user, visibleTask(user, id));
    }

    /** Claims an unclaimed task on the way; the form decides what the submitted fields mean. */
    @Transactional
    void complete(WorkspaceUser user, String id, Map<String, Object> submitted) {
        Task task = visibleTask(user, id);
        refuseIfTakenByAnother(user, task);
        Optional<TaskForm> form = formOf(task);
        form.ifPresent(f -> f.checkMayDecide(user, task));
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        Optional<TaskFormSchema> schema = schemaOf(task);
        schema.ifPresent(s -> s.requireValid(values));
        if (task.getAssignee() == null) {
            claimFor(user.username(), task);
        }
        Map<String, Object> variables = form.isPresent()
                ? form.get().complete(user, task, values)
                : schema.map(s -> values).orElse(Map.of());
        try {
            taskWork.complete(id, variables, user.username());
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            // A task listener of the model refused (e.g. four eyes): answer with its reason, not a 500.
            Throwable cause = e;
            while (cause != null && !(cause instanceof Refusal)) {
                cause = cause.getCause();
            }
            throw cause instanceof Refusal refused ? refused : e;
        }
    }

    /**
     * The task's form-js schema and the values it holds so far (variables set on the task itself, never
     * the process's, which may be an earlier decider's); 404 when the task has no deployed form.
     */
    TaskFormView form(WorkspaceUser user, String id) {
        Task task = visibleTask(user, id);
        TaskFormSchema schema = schemaOf(task)
                .orElseThrow(
                        () -> Refusal.notFound("task-form-not-found", "This task has no form; complete it as it is."));
        Map<String, Object> data = new LinkedHashMap<>(tasks.getVariablesLocal(id, List.copyOf(schema.keys())));
        return new TaskFormView(schema.json(), data);
    }

    /**
     * The deployed form-js schema the task's {@code camunda:formRef} names, if it has one. A reference whose
     * form was never deployed (a model deployed without its forms) counts as no form: the task stays workable
     * with its feature's own checks, and the log says what is missing.
     */
    Optional<TaskFormSchema> schemaOf(Task task) {
        if (task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        if (!"deployment".equals(task.getCamundaFormRef().getBinding())) {
            return deployedSchemaOf(task);
        }
        String key = key(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        TaskFormSchema cached = schemas.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TaskFormSchema> deployed = deployedSchemaOf(task);
        deployed.ifPresent(schema -> schemas.put(key, schema));
        return deployed;
    }

    private Optional<TaskFormSchema> deployedSchemaOf(Task task) {
        try {
            return Optional.of(TaskFormSchema.read(formService.getDeployedTaskForm(task.getId())));
        } catch (org.camunda.bpm.engine.exception.NotFoundException missing) {
            log.warn(
                    "Task {} of {} names form {} that is not deployed with it; treated as a task without a form",
                    task.getTaskDefinitionKey(),
                    task.getProcessDefinitionId(),
                    task.getCamundaFormRef().getKey());
            return Optional.empty();
        }
    }

    /** Claims through the product; losing to a claim that committed meanwhile is a 409 naming the winner. */
    private void claimFor(String username, Task task) {
        try {
            taskWork.claim(task.getId(), username);
        } catch (TaskAlreadyClaimedException e) {
            throw taken(task.getId(), e.getTaskAssignee());
        }
    }

    private void refuseIfTakenByAnother(WorkspaceUser user, Task task) {
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw taken(task.getId(), task.getAssignee());
        }
    }

    /** 409 "task-claimed" with {@code takenBy} and {@code takenAt} (when the engine's history knows it). */
    Refusal taken(String taskId, String assignee) {
        Instant takenAt = history
                .createHistoricIdentityLinkLogQuery()
                .taskId(taskId)
                .type(IdentityLinkType.ASSIGNEE)
                .operationType("add")
                .userId(assignee)
                .orderByTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .map(log -> log.getTime().toInstant())
                .orElse(null);
        return Refusal.of(HttpStatus.CONFLICT, "task-claimed", assignee + " took this task" + at(takenAt) + ".")
                .with("takenBy", assignee)
                .with("takenAt", takenAt);
    }

    private static String at(Instant when) {
        return when == null ? "" : " at " + when;
    }

    /** The task, if the user is its assignee or one of its candidates; else it does not exist for them. */
    Task visibleTask(WorkspaceUser user, String id) {
        Task task = tasks.createTaskQuery().taskId(id).initializeFormKeys().singleResult();
        if (task == null) {
            throw completedMeanwhile(user, id)
                    .orElseGet(() -> Refusal.notFound("task-not-found", "There is no such open task for you."));
        }
        if (!isVisibleTo(user, task)) {
            throw Refusal.notFound("task-not-found", "There is no such open task for you.");
        }
        return task;
    }

    /**
     * A task the user could have decided that someone completed first: 409 naming who and when. Anyone
     * else learns nothing about it (404).
     */
    private Optional<Refusal> completedMeanwhile(WorkspaceUser user, String id) {
        HistoricTaskInstance done =
                history.createHistoricTaskInstanceQuery().taskId(id).finished().singleResult();
        if (done == null || done.getAssignee() == null) {
            return Optional.empty();
        }
        Set<String> roles = user.roles();
        boolean wasCandidate = user.username().equals(done.getAssignee())
                || history
                        .createHistoricIdentityLinkLogQuery()
                        .taskId(id)
                        .type(IdentityLinkType.CANDIDATE)
                        .list()
                        .stream()
                        .anyMatch(link -> roles.contains(link.getGroupId())
                                || user.username().equals(link.getUserId()));
        if (!wasCandidate) {
            return Optional.empty();
        }
        Instant at = done.getEndTime() == null ? null : done.getEndTime().toInstant();
        return Optional.of(Refusal.of(
                        HttpStatus.CONFLICT,
                        "task-completed",
                        done.getAssignee() + " completed this task" + at(at) + ".")
                .with("takenBy", done.getAssignee())
                .with("takenAt", at));
    }

    private boolean isVisibleTo(WorkspaceUser user, Task task) {
        return user.username().equals(task.getAssignee()) || isCandidate(user, task);
    }

    /** Offered to the user by name or through one of their roles. */
    private boolean isCandidate(WorkspaceUser user, Task task) {
        Set<String> roles = user.roles();
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link ->
                        roles.contains(link.getGroupId()) || user.username().equals(link.getUserId()));
    }

    private TaskSummary summary(Task task) {
        Optional<TaskForm.Listed> listed = formOf(task).flatMap(f -> listedOrPlain(f, task));
        return new TaskSummary(
                task.getId(),
                task.getName(),
                processKeyOf(task),
                listed.map(TaskForm.Listed::partner).orElse(null),
                task.getAssignee(),
                instant(task.getCreateTime()),
                instant(task.getDueDate()),
                listed.map(TaskForm.Listed::summary).orElse(task.getName()));
    }

    /**
     * What the task's feature says of it for the list; nothing (the task listed by its name) when the
     * feature cannot read what the task is about, so one broken task does not hide every other.
     */
    private static Optional<TaskForm.Listed> listedOrPlain(TaskForm form, Task task) {
        try {
            return Optional.of(form.listed(task));
        } catch (RuntimeException e) {
            log.warn("Task {} of {} is listed by its name: {}", task.getId(), form.processKey(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The task as {@code user} opens it, with whether they may decide it and, if not, why. */
    private TaskDetail detail(WorkspaceUser user, Task task) {
        TaskSummary summary = summary(task);
        Optional<TaskForm> form = formOf(task);
        String refused = form.flatMap(f -> refusalOfDecision(f, user, task)).orElse(null);
        return new TaskDetail(
                summary.id(),
                summary.name(),
                summary.process(),
                summary.partner(),
                summary.assignee(),
                summary.created(),
                summary.due(),
                summary.summary(),
                form.map(f -> f.context(task)).orElse(Map.of()),
                form.map(TaskForm::fields).orElse(List.of()),
                refused == null,
                refused);
    }

    /** Why the form's rules refuse this user a decision (four eyes, decided already), asked as completing would. */
    private static Optional<String> refusalOfDecision(TaskForm form, WorkspaceUser user, Task task) {
        try {
            form.checkMayDecide(user, task);
            return Optional.empty();
        } catch (Refusal refused) {
            return Optional.of(refused.detail());
        }
    }

    /** The partner the task is about, as its feature's form names it; null when none. */
    String partnerOf(Task task) {
        return formOf(task).map(form -> form.partner(task)).orElse(null);
    }

    private Optional<TaskForm> formOf(Task task) {
        return Optional.ofNullable(forms.get(key(processKeyOf(task), task.getTaskDefinitionKey())));
    }

    /**
     * The process's key; null for a task outside any process. Kept per definition id (a deployed
     * definition never changes its key): the engine's lookup reads the definition's row each time, twice
     * per listed task, which was most of a page's time beside its two queries ({@code InboxBenchmark}).
     */
    private String processKeyOf(Task task) {
        String definition = task.getProcessDefinitionId();
        return definition == null
                ? null
                : processKeys.computeIfAbsent(
                        definition, id -> repository.getProcessDefinition(id).getKey());
    }

    private static String key(String processKey, String taskKey) {
        return processKey + "/" + taskKey;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
