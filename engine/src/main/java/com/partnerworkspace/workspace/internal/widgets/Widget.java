package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.security.WorkspaceUser;

/**
 * One dashboard widget's data: a Spring bean per widget, found by its {@link #id()} (the shared widget ids,
 * e.g. {@code login-health}). A widget checks access to the partner it reads through {@code PartnerAccess}
 * itself, since each reads with its own scope.
 */
interface Widget {

    /** The widget id, kebab-case. */
    String id();

    /** Whether the caller's role may use this widget at all (403 otherwise); most widgets are for everyone. */
    default boolean visibleTo(WorkspaceUser user) {
        return true;
    }

    /** Whether the widget reads one partner's data (then {@code partner} defaults to the caller's own). */
    default boolean partnerScoped() {
        return true;
    }

    /**
     * Whether a caller who belongs to no partner (ops, an approver) and names none reads across what they may
     * see, with {@code partner} null; otherwise such a caller has to name the partner.
     */
    default boolean spansPartners() {
        return false;
    }

    /** The widget's typed data for the query. */
    Object data(WidgetQuery query);
}
