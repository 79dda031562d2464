/**
 * The BPMN, DMN and form models the engine runs, for operations staff: every definition with its versions
 * (when and how each was deployed), running instances and open incidents ({@code GET /api/models}), and each
 * version's own content; open incidents with their stack traces and a retry of the failed job
 * ({@code /api/incidents}, audited). Changes made in the
 * browser editor are checked against the engine ({@code ModelValidator}), saved as drafts, reviewed by a
 * second ops person (BPMN {@code model-deployment}) and deployed as the next version; a release never
 * silently replaces a browser version ({@code ReleaseDeployment}). UI:
 * {@code ui/src/app/models/}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Models",
        allowedDependencies = {"audit", "inbox", "security", "system"})
package com.partnerworkspace.models;
