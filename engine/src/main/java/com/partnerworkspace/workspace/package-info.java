/**
 * The partner's workspace: who they are ({@code GET /api/me}), and next their persona's widgets and
 * alert channels. UI: {@code ui/src/app/workspace/}, route {@code /workspace}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workspace",
        allowedDependencies = {"audit", "security", "system"})
package com.partnerworkspace.workspace;
