package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.inbox.internal.TaskFilters.SavedFilter;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved inbox filters: each user's own, optionally shared with one of their groups (realm roles). Anyone
 * in that group reads and counts a shared filter; only its owner changes or deletes it.
 */
@Service
class SavedFilterService {

    private final TaskFilters filters;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SavedFilterService(TaskFilters filters, Inbox inbox, ApplicationEventPublisher events, Clock clock) {
        this.filters = filters;
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    record FilterCount(String id, long count) {}

    List<SavedFilter> list(WorkspaceUser user) {
        return filters.visibleTo(user.username(), user.roles());
    }

    SavedFilter get(WorkspaceUser user, String id) {
        return visible(user, id);
    }

    /** Each visible filter's number of open tasks the user sees, counted by the database. */
    List<FilterCount> counts(WorkspaceUser user) {
        return list(user).stream()
                .map(filter -> new FilterCount(filter.id(), inbox.count(user, filter.criteria())))
                .toList();
    }

    @Transactional
    SavedFilter create(WorkspaceUser user, TaskFilterRequest request) {
        requireOwnGroup(user, request.sharedWithGroup());
        Instant now = clock.instant();
        SavedFilter filter = new SavedFilter(
                UUID.randomUUID().toString(),
                user.username(),
                request.name().strip(),
                criteriaOf(request),
                request.sharedWithGroup(),
                now,
                now);
        filters.insert(filter);
        audit(user, "task-filter.created", filter);
        return filter;
    }

    @Transactional
    SavedFilter update(WorkspaceUser user, String id, TaskFilterRequest request) {
        SavedFilter existing = owned(user, id);
        requireOwnGroup(user, request.sharedWithGroup());
        SavedFilter changed = new SavedFilter(
                id,
                existing.owner(),
                request.name().strip(),
                criteriaOf(request),
                request.sharedWithGroup(),
                existing.createdAt(),
                clock.instant());
        filters.update(changed);
        audit(user, "task-filter.updated", changed);
        return changed;
    }

    @Transactional
    void delete(WorkspaceUser user, String id) {
        SavedFilter existing = owned(user, id);
        filters.delete(id);
        audit(user, "task-filter.deleted", existing);
    }

    private SavedFilter visible(WorkspaceUser user, String id) {
        return filters.find(id)
                .filter(filter -> filter.owner().equals(user.username())
                        || (filter.sharedWithGroup() != null && user.hasRole(filter.sharedWithGroup())))
                .orElseThrow(() -> Refusal.notFound("task-filter-not-found", "There is no such filter for you."));
    }

    /** 404 for a filter the user cannot see; 403 for one shared with them that someone else owns. */
    private SavedFilter owned(WorkspaceUser user, String id) {
        SavedFilter filter = visible(user, id);
        if (!filter.owner().equals(user.username())) {
            throw Refusal.of(
                            HttpStatus.FORBIDDEN,
                            "not-the-filter-owner",
                            "Only " + filter.owner() + ", who saved this filter, can change or delete it.")
                    .with("owner", filter.owner());
        }
        return filter;
    }

    private static void requireOwnGroup(WorkspaceUser user, String group) {
        if (group != null && !user.hasRole(group)) {
            throw Refusal.invalid("sharedWithGroup", "must be one of your own groups " + user.roles());
        }
    }

    private static TaskCriteria criteriaOf(TaskFilterRequest request) {
        return request.criteria() == null ? TaskCriteria.ANY : request.criteria();
    }

    private void audit(WorkspaceUser user, String action, SavedFilter filter) {
        Map<String, Object> details = new HashMap<>();
        details.put("name", filter.name());
        details.put("criteria", filter.criteria().toString());
        if (filter.sharedWithGroup() != null) {
            details.put("sharedWithGroup", filter.sharedWithGroup());
        }
        events.publishEvent(new AuditEvent(user.username(), null, action, "task-filter/" + filter.id(), details));
    }
}
