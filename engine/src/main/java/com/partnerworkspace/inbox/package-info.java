/**
 * The task inbox, generic over every process: the user tasks assigned to the caller or offered to one
 * of their roles, claim, unclaim and complete. A task's form is the form-js {@code .form} its BPMN binds
 * with {@code camunda:formRef} ({@code GET /api/tasks/{id}/form}); completing checks the values against
 * it first. A feature that owns a task plugs in a {@link com.partnerworkspace.inbox.TaskForm}: the
 * business context the decider needs, the rules the form cannot state, and who may decide. UI: {@code ui/src/app/inbox/}, route {@code /inbox}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Task inbox",
        allowedDependencies = {"audit", "keycloak", "security", "system"})
package com.partnerworkspace.inbox;
