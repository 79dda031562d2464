package com.partnerworkspace.inbox;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The one door through which work on a user task happens (claiming it, completing it): a decision of the
 * product, made by a person whose token the caller checked (the inbox, or a feature's own API such as
 * "confirm with MFA"). The same work through any other path (Camunda's REST API, Tasklist, a script) is
 * refused by the engine and audited as refused.
 */
@Component
public class TaskWork {

    private static final ThreadLocal<String> DONE_BY = new ThreadLocal<>();

    private final TaskService tasks;

    TaskWork(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Claims the task for {@code username}. */
    public void claim(String taskId, String username) {
        as(username, () -> tasks.claim(taskId, username));
    }

    /** Completes the task as the decision of {@code decidedBy}. */
    public void complete(String taskId, Map<String, Object> variables, String decidedBy) {
        as(decidedBy, () -> tasks.complete(taskId, variables));
    }

    /** For the engine's guard: whether the task work running on this thread comes from the product. */
    public static boolean throughTheProduct() {
        return DONE_BY.get() != null;
    }

    private static void as(String username, Runnable work) {
        String outer = DONE_BY.get();
        DONE_BY.set(username);
        try {
            work.run();
        } finally {
            if (outer == null) {
                DONE_BY.remove();
            } else {
                DONE_BY.set(outer);
            }
        }
    }
}
