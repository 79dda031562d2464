package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.WaitingTasks;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link WaitingTasks} through the inbox's own list query, so a summary and the inbox never disagree. */
@Component
class WaitingTasksQuery implements WaitingTasks {

    private static final TaskSort OLDEST_FIRST = new TaskSort("created", false);

    private final TaskListQuery list;

    WaitingTasksQuery(TaskListQuery list) {
        this.list = list;
    }

    @Override
    public List<Waiting> oldest(WorkspaceUser user, String processKey, int max) {
        return list
                .page(user.username(), user.roles(), TaskCriteria.ofProcess(processKey), OLDEST_FIRST, 0, max)
                .stream()
                .map(task -> new Waiting(
                        task.getId(), task.getName(), task.getCreateTime().toInstant()))
                .toList();
    }
}
