/**
 * The partner's workspace: who they are ({@code GET /api/me}), their persona's widgets and alert channels,
 * and each widget's data ({@code GET /api/workspace/widgets/{widget}}, one {@code Widget} bean per widget
 * reading the other features' public query interfaces). UI: {@code ui/src/app/workspace/}, route {@code /workspace}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workspace",
        allowedDependencies = {
            "security",
            "system",
            "keycloak",
            "credentials",
            "alerts",
            "audit",
            "delegations",
            "inbox"
        })
package com.partnerworkspace.workspace;
