package com.partnerworkspace.inbox;

import com.partnerworkspace.security.WorkspaceUser;
import java.time.Instant;
import java.util.List;

/** The tasks waiting for a person, found the way their inbox finds them, for other features to show. */
public interface WaitingTasks {

    /**
     * At most {@code max} of the process's active tasks that are assigned to the user or unclaimed and
     * offered to one of their roles, oldest first.
     */
    List<Waiting> oldest(WorkspaceUser user, String processKey, int max);

    record Waiting(String taskId, String name, Instant createdAt) {}
}
