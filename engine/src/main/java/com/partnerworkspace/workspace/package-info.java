/** The partner's workspace: who they are, and (next) their persona's widgets and alert channels. */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package com.partnerworkspace.workspace;
