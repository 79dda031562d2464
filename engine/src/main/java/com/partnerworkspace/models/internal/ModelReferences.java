package com.partnerworkspace.models.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The names a model may refer to because this engine knows them: delegate beans (by the kind of code each
 * is), deployed decisions and forms, and the messages of deployed processes (which the engine's code
 * correlates; a message no deployed process waits for would wait forever).
 */
@Service
class ModelReferences {

    /** What a model may name, for the editor's lint and the server's check. */
    record Known(Set<String> beans, Set<String> decisions, Set<String> forms, Set<String> messages) {}

    /** A delegate bean's kinds: a service task needs a JavaDelegate, a listener its listener type. */
    enum BeanKind {
        task(JavaDelegate.class),
        executionListener(ExecutionListener.class),
        taskListener(TaskListener.class);

        final Class<?> type;

        BeanKind(Class<?> type) {
            this.type = type;
        }
    }

    private final ApplicationContext context;
    private final RepositoryService repository;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    /** Message names per process definition id: a deployed definition never changes. */
    private final Map<String, Set<String>> messagesByDefinition = new ConcurrentHashMap<>();

    ModelReferences(
            ApplicationContext context, RepositoryService repository, ManagementService management, JdbcTemplate jdbc) {
        this.context = context;
        this.repository = repository;
        this.management = management;
        this.jdbc = jdbc;
    }

    Known known() {
        Set<String> beans = new TreeSet<>();
        for (BeanKind kind : BeanKind.values()) {
            beans.addAll(beansOf(kind));
        }
        return new Known(beans, decisions(), forms(), messages());
    }

    Set<String> beansOf(BeanKind kind) {
        return Set.of(context.getBeanNamesForType(kind.type));
    }

    Set<String> decisions() {
        return repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .map(DecisionDefinition::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> forms() {
        String table = management.getTableName(CamundaFormDefinitionEntity.class);
        return new TreeSet<>(jdbc.queryForList("select distinct KEY_ from " + table, String.class));
    }

    Set<String> messages() {
        Set<String> names = new TreeSet<>();
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            names.addAll(messagesByDefinition.computeIfAbsent(definition.getId(), this::messagesOf));
        }
        return names;
    }

    private Set<String> messagesOf(String definitionId) {
        Collection<Message> messages =
                repository.getBpmnModelInstance(definitionId).getModelElementsByType(Message.class);
        return messages.stream()
                .map(Message::getName)
                .filter(name -> name != null && !name.isBlank())
                .collect(Collectors.toSet());
    }
}
