package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.inbox.SubjectTaskForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/** What the inbox shows for any task of {@code delegation-approval}: the request behind it. */
abstract class DelegationTaskForm extends SubjectTaskForm<Delegation> {

    protected final DelegationService delegations;
    protected final DelegationRepository repository;

    DelegationTaskForm(String taskKey, DelegationService delegations, DelegationRepository repository) {
        super(Delegation.PROCESS_KEY, taskKey);
        this.delegations = delegations;
        this.repository = repository;
    }

    @Override
    protected Delegation subjectOf(Task task) {
        String id = delegations.delegationIdOf(task);
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no delegation " + id));
    }

    @Override
    protected String summaryOf(Delegation d) {
        return d.requester() + " asks " + String.join(", ", d.scopes()) + " for " + d.delegateLabel() + " for "
                + d.duration();
    }

    @Override
    protected String partnerOf(Delegation d) {
        return d.partner();
    }

    @Override
    protected Map<String, Object> contextOf(Delegation d) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("delegationId", d.id());
        context.put("requester", d.requester());
        context.put("partner", d.partner());
        context.put("delegate", d.isForBot() ? null : d.delegate());
        context.put("bot", d.botName());
        context.put("scopes", d.scopes());
        context.put("connection", d.connection());
        context.put("duration", d.duration().toString());
        context.put("justification", d.justification());
        context.put("approvalsRequired", d.approvalsRequired());
        List<Map<String, Object>> approvals = repository.approvalsOf(d.id()).stream()
                .map(a -> Map.<String, Object>of(
                        "approver", a.approver(), "approved", a.approved(), "at", a.at().toString()))
                .toList();
        context.put("approvals", approvals);
        return context;
    }
}
