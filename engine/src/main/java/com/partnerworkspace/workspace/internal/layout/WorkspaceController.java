package com.partnerworkspace.workspace.internal.layout;

import com.partnerworkspace.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace: their persona, their widgets in order, and whether they reshaped it. */
@RestController
class WorkspaceController {

    private final WorkspaceLayouts layouts;

    WorkspaceController(WorkspaceLayouts layouts) {
        this.layouts = layouts;
    }

    @Operation(summary = "My persona and my workspace's widgets (my layout, else my persona's current defaults)")
    @GetMapping(path = "/api/workspace", produces = MediaType.APPLICATION_JSON_VALUE)
    WorkspaceLayouts.Workspace workspace(Authentication authentication) {
        return layouts.of(CurrentUser.of(authentication));
    }

    @Operation(summary = "Save my layout: widgets in order, size S/M/L, settings; pinned widgets must stay (audited)")
    @PutMapping(
            path = "/api/workspace/layout",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    WorkspaceLayouts.Workspace save(Authentication authentication, @Valid @RequestBody LayoutRequest request) {
        return layouts.save(CurrentUser.of(authentication), request);
    }

    @Operation(summary = "Back to my persona's defaults (audited)")
    @DeleteMapping(path = "/api/workspace/layout", produces = MediaType.APPLICATION_JSON_VALUE)
    WorkspaceLayouts.Workspace restore(Authentication authentication) {
        return layouts.restoreDefaults(CurrentUser.of(authentication));
    }
}
