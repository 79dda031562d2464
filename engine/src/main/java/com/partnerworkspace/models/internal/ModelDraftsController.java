package com.partnerworkspace.models.internal;

import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model changes from the browser editor (ops): what a model may refer to, a check without saving, drafts,
 * proposing one for review, and its diff against the deployed version. The reviewer decides through
 * {@code /api/tasks} (task "Review model change").
 */
@RestController
class ModelDraftsController {

    /** The largest model here is about 26 KB; the API's body limit is 256 KB. */
    static final int MAX_CONTENT = 200_000;

    static final int MAX_TESTS = 50_000;

    static final String KEY_PATTERN = "[a-z][a-z0-9-]*";

    private final ModelChanges changes;
    private final ModelReferences references;
    private final ModelDiff diff;
    private final DecisionTestCases testCases;
    private final Validator validator;

    ModelDraftsController(
            ModelChanges changes,
            ModelReferences references,
            ModelDiff diff,
            DecisionTestCases testCases,
            Validator validator) {
        this.validator = validator;
        this.changes = changes;
        this.references = references;
        this.diff = diff;
        this.testCases = testCases;
    }

    record TestCases(
            @Schema(nullable = true, description = "The test cases as JSON; null when there are none")
            String tests) {}

    @Operation(
            summary = "A decision's test cases, which a change must pass (ops)",
            description = "Those of its newest browser version that brought its own, else those kept with the"
                    + " release (processes/<key>.dmn.tests.json). A draft may bring changed ones in 'tests'.")
    @GetMapping(path = "/api/models/{key}/tests", produces = MediaType.APPLICATION_JSON_VALUE)
    TestCases tests(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.NAME) @Pattern(regexp = KEY_PATTERN) String key) {
        OpsOnly.require(authentication);
        return new TestCases(testCases.current(key));
    }

    record ModelContent(
            @NotNull ModelType type,
            @NotBlank @Size(max = MAX_CONTENT) String content,

            @Schema(
                    nullable = true,
                    description = "A decision's test cases (JSON) to run instead of those kept in processes/")
            @Size(max = MAX_TESTS)
            String tests) {}

    record Check(List<ModelProblem> errors) {}

    record DraftCreated(String id) {}

    record DraftView(
            String id,
            String key,
            ModelType type,
            String author,

            @Schema(allowableValues = {"draft", "proposed", "rejected", "deployed"})
            String status,

            Instant createdAt,
            @Schema(nullable = true) Integer baseVersion,
            String content,

            @Schema(nullable = true, description = "The review task while the change is proposed")
            String taskId,

            @Schema(nullable = true) Integer deployedVersion,
            @Schema(nullable = true) String reviewedBy,
            @Schema(nullable = true) String reviewComment) {}

    record Proposed(String id, String status) {}

    @Operation(summary = "The beans, decisions, forms and messages a model may refer to (ops)")
    @GetMapping(path = "/api/models/references", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelReferences.Known references(Authentication authentication) {
        OpsOnly.require(authentication);
        return references.known();
    }

    @Operation(
            summary = "Check a model as a deploy would, without saving anything (ops)",
            description = "Parsed by the engine, references checked, a decision's test cases run.")
    @PostMapping(
            path = "/api/models/{key}/validate",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Check validate(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.NAME) @Pattern(regexp = KEY_PATTERN) String key,
            @RequestBody ModelContent body) {
        OpsOnly.require(authentication);
        Refusal.throwIfInvalid(validator, body);
        return new Check(changes.check(key, body.type(), body.content(), body.tests()));
    }

    @Operation(
            summary = "Save a change to a model as a draft (ops)",
            description = "Only a model that would deploy is saved: otherwise a 422 lists errors [{element, rule,"
                    + " message}] and nothing is saved.")
    @AlsoAnswers(status = 422, description = "The model would not deploy; errors name each element and rule")
    @PostMapping(
            path = "/api/models/{key}/drafts",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DraftCreated save(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.NAME) @Pattern(regexp = KEY_PATTERN) String key,
            @RequestBody ModelContent body) {
        var user = OpsOnly.require(authentication);
        Refusal.throwIfInvalid(validator, body);
        return new DraftCreated(changes.save(user, key, body.type(), body.content(), body.tests())
                .id());
    }

    @Operation(summary = "A draft with its content and where its review stands (ops)")
    @GetMapping(path = "/api/models/drafts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    DraftView draft(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        OpsOnly.require(authentication);
        return view(changes.find(id));
    }

    @Operation(
            summary = "Propose a draft for review by a second ops person (ops)",
            description = "Starts model-deployment; its task \"Review model change\" waits in the inbox of ops.")
    @AlsoAnswers(status = 409, description = "The draft was proposed, deployed or rejected already")
    @PostMapping(path = "/api/models/drafts/{id}/propose", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Proposed propose(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        var user = OpsOnly.require(authentication);
        Draft draft = changes.propose(user, id);
        return new Proposed(draft.id(), draft.status().name());
    }

    @Operation(summary = "What a draft adds, removes and changes against the deployed version (ops)")
    @GetMapping(path = "/api/models/drafts/{id}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelDiff.Diff diff(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @RequestParam(defaultValue = "deployed") @Size(max = 16) @Pattern(regexp = "deployed") String against) {
        OpsOnly.require(authentication);
        return diff.againstDeployed(changes.find(id));
    }

    private DraftView view(Draft draft) {
        return new DraftView(
                draft.id(),
                draft.key(),
                draft.type(),
                draft.author(),
                draft.status().name(),
                draft.createdAt(),
                draft.baseVersion(),
                draft.content(),
                changes.reviewTaskOf(draft),
                draft.deployedVersion(),
                draft.reviewedBy(),
                draft.reviewComment());
    }
}
