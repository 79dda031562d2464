package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.internal.InboxController.TaskSummary;
import java.util.List;

/** One page of a task list and where it sits in the whole. */
record TaskPage(List<TaskSummary> content, Page page) {

    record Page(int number, int size, long totalElements) {}
}
