package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.system.Refusal;

/**
 * The order of a task list, written {@code field} or {@code field,asc|desc} (Spring Data's habit), e.g.
 * {@code due,desc}; fields {@code due}, {@code created}, {@code priority}. Ties are broken by creation time,
 * then id, so pages never overlap.
 */
record TaskSort(String field, boolean descending) {

    static final String SYNTAX = "(due|created|priority)(,(asc|desc))?";
    static final TaskSort DEFAULT = new TaskSort("due", false);

    static TaskSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        if (!text.matches(SYNTAX)) {
            throw Refusal.invalid("sort", "must be due, created or priority, optionally followed by ,asc or ,desc");
        }
        String[] parts = text.split(",");
        return new TaskSort(parts[0], parts.length > 1 && parts[1].equals("desc"));
    }
}
