package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.security.WorkspaceUser;
import java.time.Duration;
import java.time.Instant;

/**
 * What a widget is asked for: by whom, about which partner (null for widgets that read no single partner),
 * over which window up to {@code now}.
 */
record WidgetQuery(WorkspaceUser user, String partner, Duration window, Instant now) {

    Instant since() {
        return now.minus(window);
    }
}
