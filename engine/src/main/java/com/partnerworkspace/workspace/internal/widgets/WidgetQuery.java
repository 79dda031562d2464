package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.security.WorkspaceUser;
import java.time.Duration;
import java.time.Instant;

/**
 * What a widget is asked for: by whom (and the Keycloak session of their token, {@code sid}, if it names
 * one), about which partner (null for widgets that read no single partner), over which window up to
 * {@code now}.
 */
record WidgetQuery(WorkspaceUser user, String sessionId, String partner, Duration window, Instant now) {

    Instant since() {
        return now.minus(window);
    }
}
