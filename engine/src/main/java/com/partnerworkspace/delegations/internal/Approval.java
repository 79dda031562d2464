package com.partnerworkspace.delegations.internal;

import java.time.Instant;

/** One approver's decision on a delegation. */
record Approval(String approver, boolean approved, String comment, Instant at) {}
