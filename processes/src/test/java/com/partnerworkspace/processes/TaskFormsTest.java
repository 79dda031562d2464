package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every user task of every model in this folder is bound with {@code camunda:formRef} to a form-js
 * {@code .form} of this folder, resolved the way the engine resolves it when the inbox asks for the task's
 * form: deployed together (as the engine deploys this folder), bound to that deployment or to the latest.
 */
@ExtendWith(ProcessEngineExtension.class)
class TaskFormsTest {

    /** Injected by the extension. */
    ProcessEngine engine;

    private Deployment deployment;

    /** Deploys the whole folder at once, like the engine's auto-deployment. */
    @BeforeEach
    void deployTheFolder() throws IOException {
        DeploymentBuilder builder = repositoryService().createDeployment().name("processes folder");
        for (Path file : modelsAndForms()) {
            try (InputStream content = Files.newInputStream(file)) {
                builder.addString(file.getFileName().toString(), new String(content.readAllBytes()));
            }
        }
        deployment = builder.deploy();
    }

    @AfterEach
    void undeploy() {
        repositoryService().deleteDeployment(deployment.getId(), true);
    }

    @Test
    void everyUserTaskHasAFormRefThatResolvesToADeployedForm() {
        List<ProcessDefinition> processes = repositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(deployment.getId())
                .list();
        assertThat(processes).isNotEmpty();
        int userTasks = 0;
        for (ProcessDefinition process : processes) {
            BpmnModelInstance model = repositoryService().getBpmnModelInstance(process.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                userTasks++;
                String where = process.getKey() + "/" + task.getId();
                assertThat(task.getCamundaFormKey())
                        .as("%s uses a camunda:formRef, not a formKey", where)
                        .isNull();
                assertThat(task.getCamundaFormRef())
                        .as("camunda:formRef of %s", where)
                        .isNotBlank();
                assertThat(task.getCamundaFormRefBinding())
                        .as("camunda:formRefBinding of %s", where)
                        .isIn("deployment", "latest");
                assertThat(deployedForm(task.getCamundaFormRef(), task.getCamundaFormRefBinding()))
                        .as("the form %s of %s, deployed with the processes", task.getCamundaFormRef(), where)
                        .isNotNull();
            }
        }
        assertThat(userTasks).as("user tasks in the folder's models").isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyFormInTheFolderIsUsed() {
        List<String> formIds = engineConfiguration()
                .getCommandExecutorTxRequired()
                .execute(context ->
                        context
                                .getCamundaFormDefinitionManager()
                                .findDefinitionsByDeploymentId(deployment.getId())
                                .stream()
                                .map(CamundaFormDefinitionEntity::getKey)
                                .toList());
        List<String> referenced =
                repositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
                        .flatMap(process ->
                                repositoryService()
                                        .getBpmnModelInstance(process.getId())
                                        .getModelElementsByType(UserTask.class)
                                        .stream())
                        .map(UserTask::getCamundaFormRef)
                        .toList();
        assertThat(formIds)
                .isNotEmpty()
                .allSatisfy(id -> assertThat(referenced)
                        .as("user tasks bound to form %s", id)
                        .contains(id));
    }

    private CamundaFormDefinitionEntity deployedForm(String key, String binding) {
        return engineConfiguration()
                .getCommandExecutorTxRequired()
                .execute(context -> "latest".equals(binding)
                        ? context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)
                        : context.getCamundaFormDefinitionManager()
                                .findDefinitionByDeploymentAndKey(deployment.getId(), key));
    }

    private ProcessEngineConfigurationImpl engineConfiguration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private RepositoryService repositoryService() {
        return engine.getRepositoryService();
    }

    private static List<Path> modelsAndForms() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", "."));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Stream.of(".bpmn", ".dmn", ".form").anyMatch(file.toString()::endsWith))
                    .sorted()
                    .toList();
        }
    }
}
