package com.partnerworkspace.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Service;

/**
 * Whether a model may be deployed, with every reason it may not: parsed by the engine's own parsers (BPMN
 * parser, DMN engine), checked against the rules of {@link ModelRules} over what this engine knows, and for
 * a decision, its test cases run ({@link DecisionTestCases}). Nothing here deploys or stores anything.
 */
@Service
class ModelValidator {

    private final ProcessEngineConfigurationImpl engine;
    private final ModelRules rules;
    private final DecisionTestCases testCases;
    private final ObjectMapper json;

    ModelValidator(ProcessEngine engine, ModelRules rules, DecisionTestCases testCases, ObjectMapper json) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.rules = rules;
        this.testCases = testCases;
        this.json = json;
    }

    /**
     * @param tests the decision's test cases (JSON) to run instead of those kept beside the model in
     *     {@code processes/}; null to run those
     */
    List<ModelProblem> validate(String key, ModelType type, String content, String tests) {
        return switch (type) {
            case bpmn -> validateProcess(key, content);
            case dmn -> validateDecision(key, content, tests);
            case form -> validateForm(key, content);
        };
    }

    private List<ModelProblem> validateProcess(String key, String content) {
        List<ModelProblem> problems = new ArrayList<>(parseWithTheEngine(key, content));
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(stream(content));
        } catch (ModelException e) {
            return problems.isEmpty() ? List.of(ModelProblem.whole("engine-parse", e.getMessage())) : problems;
        }
        problems.addAll(rules.checkProcess(key, model));
        return problems;
    }

    /** The engine's BPMN parser, as a deployment runs it, but on a deployment that is never saved. */
    private List<ModelProblem> parseWithTheEngine(String key, String content) {
        try {
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setNew(true);
                BpmnParse parse = bpmnParser()
                        .createParse()
                        .sourceString(content)
                        .deployment(deployment)
                        .name(ModelType.bpmn.resourceName(key));
                parse.execute();
                return null;
            });
            return List.of();
        } catch (ParseException e) {
            List<ModelProblem> problems = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    problems.add(ModelProblem.of(problem.getMainElementId(), "engine-parse", problem.getMessage()));
                }
            }
            return problems.isEmpty() ? List.of(ModelProblem.whole("engine-parse", e.getMessage())) : problems;
        } catch (ProcessEngineException e) {
            return List.of(ModelProblem.whole("engine-parse", e.getMessage()));
        }
    }

    /** The parser the engine deploys BPMN with, with the engine's own parse listeners. */
    private BpmnParser bpmnParser() {
        return engine.getDeployers().stream()
                .filter(BpmnDeployer.class::isInstance)
                .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
                .findFirst()
                .orElseThrow();
    }

    private List<ModelProblem> validateDecision(String key, String content, String tests) {
        List<DmnDecision> decisions;
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(stream(content));
            DmnModelInstance parsed = model;
            // The engine's DMN transform reads its configuration (history time to live) from a command context.
            decisions = engine.getCommandExecutorTxRequired()
                    .execute(commandContext -> engine.getDmnEngine().parseDecisions(parsed));
        } catch (RuntimeException e) {
            return List.of(ModelProblem.whole("engine-parse", e.getMessage()));
        }
        List<ModelProblem> problems = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String ttl = decision.getCamundaHistoryTimeToLiveString();
            if (ttl == null || ttl.isBlank()) {
                problems.add(ModelProblem.of(
                        decision.getId(), "history-time-to-live", "Set how long the decision's history is kept."));
            }
        }
        DmnDecision decision = decisions.stream()
                .filter(d -> d.getKey().equals(key))
                .findFirst()
                .orElse(null);
        if (decision == null) {
            problems.add(ModelProblem.whole("model-key", "The model must define a decision with the id " + key + "."));
            return problems;
        }
        problems.addAll(testCases.run(key, decision, tests));
        return problems;
    }

    private List<ModelProblem> validateForm(String key, String content) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (Exception e) {
            return List.of(ModelProblem.whole("form-schema", "The form is not valid JSON."));
        }
        List<ModelProblem> problems = new ArrayList<>();
        if (!form.isObject() || !key.equals(form.path("id").asText())) {
            problems.add(ModelProblem.whole("model-key", "The form's id must be " + key + "."));
        }
        if (!form.path("components").isArray()) {
            problems.add(ModelProblem.whole("form-schema", "The form has no components."));
            return problems;
        }
        checkComponents(form.path("components"), new HashSet<>(), problems);
        return problems;
    }

    private static void checkComponents(JsonNode components, Set<String> keys, List<ModelProblem> problems) {
        for (JsonNode component : components) {
            String id = component.path("id").asText(null);
            if (component.path("type").asText("").isBlank()) {
                problems.add(ModelProblem.of(id, "form-schema", "A component has no type."));
            }
            String fieldKey = component.path("key").asText(null);
            if (fieldKey != null && !keys.add(fieldKey)) {
                problems.add(ModelProblem.of(id, "form-schema", "Two fields share the key " + fieldKey + "."));
            }
            if (component.path("components").isArray()) {
                checkComponents(component.path("components"), keys, problems);
            }
        }
    }

    private static ByteArrayInputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
