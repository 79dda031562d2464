package com.partnerworkspace.inbox;

import com.partnerworkspace.security.WorkspaceUser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * What a feature tells the inbox about one kind of user task (process key + task definition key). The
 * inbox calls it for listing, claiming and completing; tasks without a form are shown plainly and
 * completed without fields.
 */
public interface TaskForm {

    String processKey();

    String taskKey();

    /** One line for the list, e.g. "nikhil asks orders:place for arjun for PT8H". */
    String summary(Task task);

    /** The partner the task is about, for filtering; null when none. */
    String partner(Task task);

    /** The task's line in the list and its partner together: what the list shows of it, read at once. */
    default Listed listed(Task task) {
        return new Listed(summary(task), partner(task));
    }

    record Listed(String summary, String partner) {}

    /** Who asks what, for whom, how long and why: what a decider reads before deciding. */
    Map<String, Object> context(Task task);

    List<Field> fields();

    /** @throws com.partnerworkspace.system.Refusal when this user may not take this task (e.g. deciding their own request) */
    void checkMayDecide(WorkspaceUser user, Task task);

    /**
     * Validates the submitted fields and does the feature's side of the decision (recording, auditing);
     * returns the process variables to complete the task with.
     *
     * @throws com.partnerworkspace.system.Refusal when the submission is not acceptable
     */
    Map<String, Object> complete(WorkspaceUser user, Task task, Map<String, Object> submitted);

    record Field(String name, String type, String label, boolean required) {}
}
