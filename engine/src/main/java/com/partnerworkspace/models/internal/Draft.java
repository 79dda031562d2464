package com.partnerworkspace.models.internal;

import java.time.Instant;

/**
 * A change to one model made in the browser, from saved to deployed or rejected.
 *
 * @param tests the decision's test cases the draft was validated with, when not those of the release
 * @param baseVersion the version the change was made against; null for a new model
 */
record Draft(
        String id,
        String key,
        ModelType type,
        String content,
        String tests,
        String author,
        Status status,
        Integer baseVersion,
        Instant createdAt,
        String processInstance,
        String reviewedBy,
        String reviewComment,
        Integer deployedVersion) {

    enum Status {
        draft,
        proposed,
        rejected,
        deployed
    }
}
