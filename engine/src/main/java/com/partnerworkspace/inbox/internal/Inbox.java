package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.TaskForm;
import com.partnerworkspace.inbox.TaskWork;
import com.partnerworkspace.inbox.internal.InboxController.TaskDetail;
import com.partnerworkspace.inbox.internal.InboxController.TaskSummary;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox over Camunda's task service, with each feature's {@link TaskForm} for its own tasks. */
@Service
class Inbox {

    private static final int MAX_TASKS = 500;

    private final TaskService tasks;
    private final RepositoryService repository;
    private final Map<String, TaskForm> forms;
    private final TaskWork taskWork;

    Inbox(TaskService tasks, RepositoryService repository, List<TaskForm> forms, TaskWork taskWork) {
        this.tasks = tasks;
        this.taskWork = taskWork;
        this.repository = repository;
        this.forms = forms.stream().collect(Collectors.toMap(form -> key(form.processKey(), form.taskKey()), f -> f));
    }

    List<TaskSummary> tasks(WorkspaceUser user, String process, String partner) {
        TaskQuery query = tasks.createTaskQuery()
                .active()
                .or()
                .taskAssignee(user.username())
                .taskCandidateGroupIn(List.copyOf(rolesOf(user)))
                .endOr()
                .initializeFormKeys();
        if (process != null && !process.isBlank()) {
            query.processDefinitionKey(process);
        }
        if (partner != null && !partner.isBlank()) {
            query.processVariableValueEquals("partner", partner);
        }
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, MAX_TASKS).stream()
                .map(this::summary)
                .toList();
    }

    TaskDetail task(WorkspaceUser user, String id) {
        return detail(visibleTask(user, id));
    }

    @Transactional
    TaskDetail claim(WorkspaceUser user, String id) {
        Task task = visibleTask(user, id);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw Refusal.of(HttpStatus.CONFLICT, "task-claimed", "The task is claimed by " + task.getAssignee() + ".");
        }
        formOf(task).ifPresent(form -> form.checkMayDecide(user, task));
        taskWork.claim(id, user.username());
        return detail(visibleTask(user, id));
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
        return detail(visibleTask(user, id));
    }

    /** Claims an unclaimed task on the way; the form decides what the submitted fields mean. */
    @Transactional
    void complete(WorkspaceUser user, String id, Map<String, Object> submitted) {
        Task task = visibleTask(user, id);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw Refusal.of(HttpStatus.CONFLICT, "task-claimed", "The task is claimed by " + task.getAssignee() + ".");
        }
        Optional<TaskForm> form = formOf(task);
        form.ifPresent(f -> f.checkMayDecide(user, task));
        if (task.getAssignee() == null) {
            taskWork.claim(id, user.username());
        }
        Map<String, Object> variables = form.isPresent() ? form.get().complete(user, task, submitted) : Map.of();
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

    /** The task, if the user is its assignee or one of its candidates; else it does not exist for them. */
    Task visibleTask(WorkspaceUser user, String id) {
        Task task = tasks.createTaskQuery().taskId(id).initializeFormKeys().singleResult();
        if (task == null || !isVisibleTo(user, task)) {
            throw Refusal.notFound("task-not-found", "There is no such open task for you.");
        }
        return task;
    }

    private boolean isVisibleTo(WorkspaceUser user, Task task) {
        if (user.username().equals(task.getAssignee())) {
            return true;
        }
        Set<String> roles = rolesOf(user);
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(roles::contains);
    }

    private static Set<String> rolesOf(WorkspaceUser user) {
        return user.roles().isEmpty() ? Set.of("-") : user.roles();
    }

    private TaskSummary summary(Task task) {
        Optional<TaskForm> form = formOf(task);
        return new TaskSummary(
                task.getId(),
                task.getName(),
                processKeyOf(task),
                form.map(f -> f.partner(task)).orElse(null),
                task.getAssignee(),
                instant(task.getCreateTime()),
                instant(task.getDueDate()),
                form.map(f -> f.summary(task)).orElse(task.getName()));
    }

    private TaskDetail detail(Task task) {
        TaskSummary summary = summary(task);
        Optional<TaskForm> form = formOf(task);
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
                form.map(TaskForm::fields).orElse(List.of()));
    }

    /** The partner the task is about, as its feature's form names it; null when none. */
    String partnerOf(Task task) {
        return formOf(task).map(form -> form.partner(task)).orElse(null);
    }

    private Optional<TaskForm> formOf(Task task) {
        return Optional.ofNullable(forms.get(key(processKeyOf(task), task.getTaskDefinitionKey())));
    }

    private String processKeyOf(Task task) {
        return repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    }

    private static String key(String processKey, String taskKey) {
        return processKey + "/" + taskKey;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
