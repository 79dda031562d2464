package com.partnerworkspace.models.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A model change from the browser: saved as a draft only once it validates, proposed for review by a
 * second ops person (BPMN {@code model-deployment}), deployed as the model's next version when approved.
 * The steps the process runs ({@link #deploy}, {@link #reject}) are here with the rest of the change's life.
 */
@Service
class ModelChanges {

    static final String PROCESS = "model-deployment";

    private static final Logger log = LoggerFactory.getLogger(ModelChanges.class);

    private final ModelValidator validator;
    private final ModelCatalogue catalogue;
    private final DraftRepository drafts;
    private final ModelDeployer deployer;
    private final ModelDiff diff;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModelChanges(
            ModelValidator validator,
            ModelCatalogue catalogue,
            DraftRepository drafts,
            ModelDeployer deployer,
            ModelDiff diff,
            RuntimeService runtime,
            TaskService tasks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.drafts = drafts;
        this.deployer = deployer;
        this.diff = diff;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** The problems that would keep this content from being deployed; none when it may be. */
    List<ModelProblem> check(String key, ModelType type, String content, String tests) {
        requireSameType(key, type);
        return validator.validate(key, type, content, tests);
    }

    /** @throws Refusal 422 with every problem when the content may not be deployed (nothing is saved) */
    @Transactional
    Draft save(WorkspaceUser author, String key, ModelType type, String content, String tests) {
        List<ModelProblem> problems = check(key, type, content, tests);
        if (!problems.isEmpty()) {
            throw Refusal.of(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "model-invalid",
                            problems.size() + " problem(s) keep this model from being deployed; nothing was saved.")
                    .with("errors", problems);
        }
        Draft draft = new Draft(
                UUID.randomUUID().toString(),
                key,
                type,
                content,
                tests,
                author.username(),
                Draft.Status.draft,
                catalogue.latestVersion(key).orElse(null),
                clock.instant(),
                null,
                null,
                null,
                null);
        drafts.insert(draft);
        audit(author.username(), "model.draft-saved", draft, Map.of("type", type.name()));
        return draft;
    }

    Draft find(String id) {
        return drafts.find(id)
                .orElseThrow(() -> Refusal.notFound("model-draft-not-found", "There is no model draft " + id + "."));
    }

    /** The open review task of a proposed draft; null otherwise. */
    String reviewTaskOf(Draft draft) {
        if (draft.processInstance() == null || draft.status() != Draft.Status.proposed) {
            return null;
        }
        Task review = tasks.createTaskQuery()
                .processInstanceId(draft.processInstance())
                .singleResult();
        return review == null ? null : review.getId();
    }

    @Transactional
    Draft propose(WorkspaceUser user, String id) {
        Draft draft = find(id);
        if (draft.status() != Draft.Status.draft) {
            throw Refusal.of(
                    HttpStatus.CONFLICT, "model-draft-not-open", "This draft is " + draft.status() + " already.");
        }
        ProcessInstance review = runtime.startProcessInstanceByKey(
                PROCESS, id, Variables.createVariables().putValue("draftId", id).putValue("author", draft.author()));
        if (!drafts.proposed(id, review.getId())) {
            throw Refusal.of(HttpStatus.CONFLICT, "model-draft-not-open", "This draft was proposed already.");
        }
        audit(user.username(), "model.proposed", draft, Map.of("summary", diff.summary(draft)));
        return find(id);
    }

    /**
     * Step "Deploy model": checks the draft once more (what it refers to may have gone since it was saved)
     * and deploys it as the next version; a draft that no longer validates is rejected by the check.
     */
    @Transactional
    void deploy(String draftId, String reviewer, String comment) {
        Draft draft = find(draftId);
        if (draft.status() != Draft.Status.proposed) {
            return; // a retried job after the deployment committed
        }
        List<ModelProblem> problems = validator.validate(draft.key(), draft.type(), draft.content(), draft.tests());
        if (!problems.isEmpty()) {
            String reason = "No longer valid: " + problems.get(0).message();
            drafts.rejected(draftId, AuditEvent.SYSTEM, reason);
            audit(AuditEvent.SYSTEM, "model.rejected", draft, Map.of("reason", reason));
            return;
        }
        String summary = diff.summary(draft);
        // The engine numbers a deployed definition's version one past its newest; its own queries would not
        // see the new one before this transaction flushes.
        int version = catalogue.latestVersion(draft.key()).orElse(0) + 1;
        Deployment deployment = deployer.deploy(draft);
        drafts.recordDeployment(deployment.getId(), draft, reviewer, clock.instant());
        drafts.deployed(draftId, reviewer, comment, version);
        log.info(
                "{} version {} deployed from the browser (by {}, approved by {})",
                draft.key(),
                version,
                draft.author(),
                reviewer);
        audit(
                reviewer,
                "model.deployed",
                draft,
                Map.of("version", version, "author", draft.author(), "summary", summary, "comment", nonNull(comment)));
    }

    /** Step "Record rejection". */
    @Transactional
    void reject(String draftId, String reviewer, String comment) {
        Draft draft = find(draftId);
        drafts.rejected(draftId, reviewer, comment);
        audit(reviewer, "model.rejected", draft, Map.of("comment", nonNull(comment)));
    }

    private void requireSameType(String key, ModelType type) {
        catalogue.typeOf(key).filter(deployed -> deployed != type).ifPresent(deployed -> {
            throw Refusal.invalid("type", key + " is a " + deployed + " model.");
        });
    }

    private void audit(String actor, String action, Draft draft, Map<String, Object> details) {
        Map<String, Object> all = new java.util.HashMap<>(details);
        all.put("key", draft.key());
        events.publishEvent(new AuditEvent(actor, null, action, "model-draft/" + draft.id(), all));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
