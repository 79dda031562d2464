package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.inbox.TaskWork;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on a user task (claim, complete, submit its form) happens only through {@link TaskWork}: the
 * product's API, where the approver group, four eyes and a fresh MFA are checked from the decider's own
 * token. The same work through Camunda's REST API, Tasklist or any other path is refused before the engine
 * does anything (Camunda's REST API answers 403) and is recorded in the audit trail as refused, in its own
 * transaction so the record outlives the rollback. Ops keep Cockpit for incidents and history.
 *
 * <p>It is one of the engine's command checkers (the hook its own authorization checks use), so the
 * refusal comes before any listener runs and is not wrapped into a generic engine error.
 */
@Component
class TaskCompletionGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskCompletionGuard.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate separately;

    TaskCompletionGuard(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCommandCheckers().add(onlyTaskWork());
    }

    /** A checker that looks at task work only; every other check is the engine's own. */
    private CommandChecker onlyTaskWork() {
        return (CommandChecker) Proxy.newProxyInstance(
                CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    if (method.getName().equals("checkTaskWork") && args[0] instanceof TaskEntity task) {
                        refuseUnlessThroughTheProduct(task);
                    }
                    return method.getDeclaringClass() == Object.class ? method.invoke(this, args) : null;
                });
    }

    void refuseUnlessThroughTheProduct(TaskEntity task) {
        if (TaskWork.throughTheProduct()) {
            return;
        }
        String actor = whoIsAsking();
        log.warn("Refused work on task {} ({}) by {}: not through the product", task.getId(), task.getName(), actor);
        separately.executeWithoutResult(status -> events.publishEvent(new AuditEvent(
                actor,
                task.getVariable("partner") instanceof String partner ? partner : null,
                "task.completion-refused",
                "task/" + task.getId(),
                Map.of(
                        "process",
                        task.getProcessDefinitionId().split(":")[0],
                        "task",
                        task.getTaskDefinitionKey(),
                        "reason",
                        "outside the Partner Workspace inbox"))));
        throw new AuthorizationException("The task \"" + task.getName()
                + "\" is decided only in the Partner Workspace inbox, by an eligible person with their own login.");
    }

    /** The caller as Spring Security knows them (REST with a token, webapps by single sign-on), else the engine's. */
    private static String whoIsAsking() {
        var spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.getName() != null) {
            return spring.getName();
        }
        Authentication engine = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null
                ? null
                : org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                        .getAuthentication();
        return engine == null ? "unknown" : engine.getUserId();
    }
}
