package com.partnerworkspace.models.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Deploys a browser change as the model's next version. A user task binds its form by deployment
 * ({@code camunda:formRefBinding="deployment"}), so the forms a process binds go into its deployment, and a
 * changed form is deployed with the processes that bind it (each gets a new version using the new form).
 */
@Component
class ModelDeployer {

    private static final String BY_DEPLOYMENT = "deployment";

    private final RepositoryService repository;
    private final ModelCatalogue catalogue;

    ModelDeployer(RepositoryService repository, ModelCatalogue catalogue) {
        this.repository = repository;
        this.catalogue = catalogue;
    }

    Deployment deploy(Draft draft) {
        DeploymentBuilder deployment = repository
                .createDeployment()
                .name(draft.key())
                .source(ModelCatalogue.BROWSER_SOURCE)
                .addString(draft.type().resourceName(draft.key()), draft.content());
        Set<String> forms = new LinkedHashSet<>();
        if (draft.type() == ModelType.bpmn) {
            forms.addAll(formsBoundByDeployment(read(draft.content())));
        } else if (draft.type() == ModelType.form) {
            addProcessesBinding(draft.key(), deployment, forms);
            forms.remove(draft.key());
        }
        for (String form : forms) {
            catalogue
                    .latestContent(form)
                    .ifPresent(content -> deployment.addString(ModelType.form.resourceName(form), content));
        }
        return deployment.deploy();
    }

    /** The latest version of every process that binds {@code form} by deployment, with the forms they bind. */
    private void addProcessesBinding(String form, DeploymentBuilder deployment, Set<String> forms) {
        for (ProcessDefinition process :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(process.getId());
            Set<String> bound = formsBoundByDeployment(model);
            if (bound.contains(form)) {
                deployment.addModelInstance(ModelType.bpmn.resourceName(process.getKey()), model);
                forms.addAll(bound);
            }
        }
    }

    private static Set<String> formsBoundByDeployment(BpmnModelInstance model) {
        Set<String> forms = new LinkedHashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() != null && BY_DEPLOYMENT.equals(task.getCamundaFormRefBinding())) {
                forms.add(task.getCamundaFormRef());
            }
        }
        return forms;
    }

    private static BpmnModelInstance read(String content) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
