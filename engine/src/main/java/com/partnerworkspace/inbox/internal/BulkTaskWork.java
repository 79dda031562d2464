package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.PartnerAccessDeniedException;
import com.partnerworkspace.security.StepUpRequiredException;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.system.Retry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Many tasks at once, each on its own: every task goes through the very call a single decision uses (its
 * own transaction, the same form rules, four eyes and fresh MFA), and its outcome is reported on its own,
 * so one refusal neither stops nor undoes the others.
 */
@Service
class BulkTaskWork {

    static final int MOST_TASKS = 200;

    private final Inbox inbox;
    private final KeycloakDirectory directory;

    BulkTaskWork(Inbox inbox, KeycloakDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    record Result(
            String taskId,
            String outcome,
            int status,

            @Schema(nullable = true, description = "Why it was refused; null when done")
            String detail) {

        static Result done(String taskId, HttpStatus status) {
            return new Result(taskId, "done", status.value(), null);
        }

        /** The refusal as the task alone would hear it; a 400 names each offending field in the detail. */
        static Result refused(String taskId, Refusal refusal) {
            return new Result(taskId, refusal.slug(), refusal.getStatusCode().value(), detailOf(refusal));
        }

        private static String detailOf(Refusal refusal) {
            if (refusal.fieldErrors().isEmpty()) {
                return refusal.detail();
            }
            return refusal.fieldErrors().entrySet().stream()
                    .map(error -> error.getKey() + " " + error.getValue())
                    .collect(Collectors.joining("; ", refusal.detail() + " ", ""));
        }
    }

    List<Result> run(WorkspaceUser user, BulkRequest request) {
        List<String> ids = idsOf(user, request);
        WorkspaceUser assignee = request.action().equals("reassign") ? person(request.assignee()) : null;
        return ids.stream().map(id -> one(user, request, assignee, id)).toList();
    }

    private List<String> idsOf(WorkspaceUser user, BulkRequest request) {
        if (request.taskIds() != null && !request.taskIds().isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(request.taskIds()));
        }
        List<String> matching = inbox.taskIds(user, request.filter(), MOST_TASKS + 1);
        if (matching.size() > MOST_TASKS) {
            throw Refusal.invalid("filter", "matches more than " + MOST_TASKS + " tasks; narrow it");
        }
        return matching;
    }

    private Result one(WorkspaceUser user, BulkRequest request, WorkspaceUser assignee, String id) {
        try {
            switch (request.action()) {
                case "claim" -> inbox.claim(user, id);
                case "unclaim" -> inbox.unclaim(user, id);
                case "reassign" -> inbox.reassign(user, id, assignee);
                default -> {
                    Retry.onConcurrentChange(() -> {
                        inbox.complete(user, id, request.values() == null ? Map.of() : request.values());
                        return null;
                    });
                    return Result.done(id, HttpStatus.NO_CONTENT);
                }
            }
            return Result.done(id, HttpStatus.OK);
        } catch (Refusal refusal) {
            return Result.refused(id, refusal);
        } catch (TaskAlreadyClaimedException e) {
            return Result.refused(id, inbox.taken(id, e.getTaskAssignee()));
        } catch (StepUpRequiredException e) {
            return new Result(id, "mfa-step-up-required", 403, e.getMessage() + "; step up and decide it alone.");
        } catch (PartnerAccessDeniedException e) {
            return new Result(id, "partner-access-denied", 403, e.getMessage());
        }
    }

    /** The person a task is handed to, with the realm roles Keycloak gives them. */
    private WorkspaceUser person(String username) {
        Set<String> roles = new TreeSet<>();
        for (String role : WorkspaceUser.KNOWN_ROLES) {
            if (directory.withRole(role).stream().map(Person::username).anyMatch(username::equals)) {
                roles.add(role);
            }
        }
        return new WorkspaceUser(username, username, null, Set.copyOf(roles), null, null);
    }
}
