package com.partnerworkspace.models.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The rule between releases and browser edits: a release never silently replaces a model whose newest
 * version came from the browser. When the engine starts, the release's file of such a model is left out of
 * the release deployment if it differs from the browser version (which stays the newest), and the
 * divergence is logged and shown on the Models page; {@code ./workspace models pull} writes the deployed
 * version back to {@code processes/} so it can be committed, after which the two agree again.
 *
 * <p>Runs between the engine's build and the starter's auto-deployment of {@code processes/} (which reads
 * the resources this plugin leaves in the configuration).
 */
@Component
class ReleaseDeployment extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ReleaseDeployment.class);

    private final ReleaseDivergences divergences;
    private SpringProcessEngineConfiguration configuration;

    ReleaseDeployment(ReleaseDivergences divergences) {
        this.divergences = divergences;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
            this.configuration = spring;
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (configuration != null && configuration.getDeploymentResources() != null) {
            Set<Resource> release = Set.of(configuration.getDeploymentResources());
            configuration.setDeploymentResources(
                    keepBrowserVersions(engine, release).toArray(Resource[]::new));
        }
    }

    /** The release's resources without those whose model's newest, browser-made version they would undo. */
    Set<Resource> keepBrowserVersions(ProcessEngine engine, Set<Resource> release) {
        Set<Resource> deploy = new LinkedHashSet<>();
        for (Resource resource : release) {
            String name = resource.getFilename();
            ModelType type = name == null ? null : ModelType.ofResource(name);
            if (type == null) {
                deploy.add(resource);
                continue;
            }
            String key = name.substring(0, name.lastIndexOf('.'));
            Optional<String> browserVersion = newestBrowserContent(engine, type, key);
            if (browserVersion.isPresent() && !browserVersion.get().equals(read(resource))) {
                divergences.found(key);
                log.warn(
                        "{}: the newest version was deployed from the browser and differs from the release's {};"
                                + " keeping the browser version. Run './workspace models pull' and commit to release it.",
                        key,
                        name);
            } else {
                divergences.inSync(key);
                deploy.add(resource);
            }
        }
        return deploy;
    }

    private static Optional<String> newestBrowserContent(ProcessEngine engine, ModelType type, String key) {
        RepositoryService repository = engine.getRepositoryService();
        return newestDefinition(engine, type, key)
                .filter(definition -> isBrowserDeployment(repository, definition.getDeploymentId()))
                .map(definition -> content(repository, definition));
    }

    private static Optional<ResourceDefinition> newestDefinition(ProcessEngine engine, ModelType type, String key) {
        RepositoryService repository = engine.getRepositoryService();
        return switch (type) {
            case bpmn ->
                Optional.<ProcessDefinition>ofNullable(repository
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(key)
                                .latestVersion()
                                .singleResult())
                        .map(ResourceDefinition.class::cast);
            case dmn ->
                Optional.<DecisionDefinition>ofNullable(repository
                                .createDecisionDefinitionQuery()
                                .decisionDefinitionKey(key)
                                .latestVersion()
                                .singleResult())
                        .map(ResourceDefinition.class::cast);
            case form ->
                Optional.<CamundaFormDefinitionEntity>ofNullable(
                                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                                        .getCommandExecutorTxRequired()
                                        .execute(context -> context.getCamundaFormDefinitionManager()
                                                .findLatestDefinitionByKey(key)))
                        .map(ResourceDefinition.class::cast);
        };
    }

    private static boolean isBrowserDeployment(RepositoryService repository, String deploymentId) {
        return ModelCatalogue.BROWSER_SOURCE.equals(repository
                .createDeploymentQuery()
                .deploymentId(deploymentId)
                .singleResult()
                .getSource());
    }

    private static String content(RepositoryService repository, ResourceDefinition definition) {
        try (InputStream in =
                repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
