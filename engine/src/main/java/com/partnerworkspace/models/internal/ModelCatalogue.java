package com.partnerworkspace.models.internal;

import com.partnerworkspace.system.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the engine has deployed, per model key: processes (BPMN), decisions (DMN) and forms (form-js), each
 * with its versions. Camunda has no public query for form definitions, so they are read from its table.
 */
@Service
class ModelCatalogue {

    /** A deployment made through the browser editor names itself so; everything else came with a release. */
    static final String BROWSER_SOURCE = "browser";

    record Model(
            String key,
            ModelType type,
            @Schema(nullable = true) String name,
            int latestVersion,

            @Schema(description = "Running process instances of every version (0 for decisions and forms)")
            long runningInstances,

            @Schema(description = "Open incidents of every version (0 for decisions and forms)")
            long incidents,

            @Schema(
                    description = "The newest version came from the browser and the release's file differs from"
                            + " it: the browser version was kept (see ./workspace models pull)")
            boolean diverged) {}

    record Version(
            int version,
            @Schema(nullable = true) Instant deployedAt,

            @Schema(nullable = true, description = "Who made and proposed the change; null for a release")
            String deployedBy,

            @Schema(nullable = true, description = "Who approved the change; null for a release")
            String approvedBy,

            @Schema(allowableValues = {"release", "browser"})
            String source,

            @Schema(description = "Running process instances of this version (0 for decisions and forms)")
            long runningInstances) {}

    /** One version's content and its media type (XML for BPMN and DMN, JSON for a form). */
    record Content(ModelType type, String text) {}

    private record Definition(
            ModelType type, String key, String name, int version, String deploymentId, String resource) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final DraftRepository drafts;
    private final ReleaseDivergences divergences;

    ModelCatalogue(
            RepositoryService repository,
            RuntimeService runtime,
            ManagementService management,
            JdbcTemplate jdbc,
            DraftRepository drafts,
            ReleaseDivergences divergences) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.divergences = divergences;
    }

    List<Model> all() {
        Map<String, List<Definition>> byKey = new LinkedHashMap<>();
        definitions()
                .forEach(d -> byKey.computeIfAbsent(d.type() + "/" + d.key(), k -> new ArrayList<>())
                        .add(d));
        return byKey.values().stream()
                .map(versions -> versions.stream()
                        .max(Comparator.comparingInt(Definition::version))
                        .orElseThrow())
                .map(this::model)
                .sorted(Comparator.comparing(Model::type).thenComparing(Model::key))
                .toList();
    }

    List<Version> versions(String key) {
        List<Definition> versions = versionsOf(key);
        return versions.stream()
                .sorted(Comparator.comparingInt(Definition::version).reversed())
                .map(this::version)
                .toList();
    }

    /** The newest deployed version of a model, if it is deployed at all. */
    Optional<Integer> latestVersion(String key) {
        return definitions().stream()
                .filter(d -> d.key().equals(key))
                .map(Definition::version)
                .max(Comparator.naturalOrder());
    }

    /** The newest deployed version's content of a model, if it is deployed at all. */
    Optional<String> latestContent(String key) {
        return latestVersion(key).map(version -> content(key, version).text());
    }

    /** The type of a deployed model, if it is deployed at all. */
    Optional<ModelType> typeOf(String key) {
        return definitions().stream()
                .filter(d -> d.key().equals(key))
                .map(Definition::type)
                .min(Comparator.naturalOrder());
    }

    Content content(String key, int version) {
        Definition definition = versionsOf(key).stream()
                .filter(d -> d.version() == version)
                .findFirst()
                .orElseThrow(
                        () -> Refusal.notFound("model-version-not-found", key + " has no version " + version + "."));
        try (InputStream resource = repository.getResourceAsStream(definition.deploymentId(), definition.resource())) {
            return new Content(definition.type(), new String(resource.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + definition.resource(), e);
        }
    }

    private List<Definition> versionsOf(String key) {
        List<Definition> versions =
                definitions().stream().filter(d -> d.key().equals(key)).toList();
        if (versions.isEmpty()) {
            throw Refusal.notFound("model-not-found", "There is no model " + key + ".");
        }
        // A key names one model; should a process and a decision share one, the process is meant.
        ModelType type = versions.stream()
                .map(Definition::type)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        return versions.stream().filter(d -> d.type() == type).toList();
    }

    private List<Definition> definitions() {
        List<Definition> all = new ArrayList<>();
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().list()) {
            all.add(new Definition(
                    ModelType.bpmn, p.getKey(), p.getName(), p.getVersion(), p.getDeploymentId(), p.getResourceName()));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
            all.add(new Definition(
                    ModelType.dmn, d.getKey(), d.getName(), d.getVersion(), d.getDeploymentId(), d.getResourceName()));
        }
        String forms = management.getTableName(CamundaFormDefinitionEntity.class);
        jdbc.query("select KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from " + forms, row -> {
            all.add(new Definition(
                    ModelType.form, row.getString(1), null, row.getInt(2), row.getString(3), row.getString(4)));
        });
        return all;
    }

    private Model model(Definition latest) {
        boolean process = latest.type() == ModelType.bpmn;
        return new Model(
                latest.key(),
                latest.type(),
                latest.name(),
                latest.version(),
                process
                        ? runtime.createProcessInstanceQuery()
                                .processDefinitionKey(latest.key())
                                .count()
                        : 0,
                process
                        ? runtime.createIncidentQuery()
                                .processDefinitionKeyIn(latest.key())
                                .count()
                        : 0,
                divergences.has(latest.key()));
    }

    private Version version(Definition definition) {
        Optional<Deployment> deployment = Optional.ofNullable(repository
                .createDeploymentQuery()
                .deploymentId(definition.deploymentId())
                .singleResult());
        boolean browser =
                deployment.map(d -> BROWSER_SOURCE.equals(d.getSource())).orElse(false);
        Optional<String[]> deployers = browser ? drafts.deployers(definition.deploymentId()) : Optional.empty();
        long running = definition.type() == ModelType.bpmn
                ? runtime.createProcessInstanceQuery()
                        .processDefinitionId(processDefinitionId(definition))
                        .count()
                : 0;
        return new Version(
                definition.version(),
                deployment
                        .map(Deployment::getDeploymentTime)
                        .map(Date::toInstant)
                        .orElse(null),
                deployers.map(names -> names[0]).orElse(null),
                deployers.map(names -> names[1]).orElse(null),
                browser ? "browser" : "release",
                running);
    }

    private String processDefinitionId(Definition definition) {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(definition.key())
                .processDefinitionVersion(definition.version())
                .singleResult()
                .getId();
    }
}
