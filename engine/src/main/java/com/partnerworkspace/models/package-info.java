/**
 * The BPMN, DMN and form models the engine runs, for operations staff: every definition with its versions
 * (when and how each was deployed), running instances and open incidents ({@code GET /api/models}), and each
 * version's own content; open incidents with their stack traces and a retry of the failed job
 * ({@code /api/incidents}, audited). Editing, four-eyes deployment and migration come next (issue 25). UI:
 * {@code ui/src/app/models/}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Models",
        allowedDependencies = {"security", "system", "audit"})
package com.partnerworkspace.models;
