package com.partnerworkspace.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds what verifying the trail costs, however many ask and however often: one walk of the chain at a
 * time, and its answer is reused for {@link AuditSettings#verificationReuse()}. A change to an entry is
 * therefore reported at most that long after it was made.
 */
@Component
class ChainVerifications {

    private final Supplier<AuditTrail.Verification> walk;
    private final Duration reuse;
    private final Clock clock;
    private Verified last;

    @Autowired
    ChainVerifications(AuditTrail trail, AuditSettings settings, Clock clock) {
        this(trail::verify, settings.verificationReuse(), clock);
    }

    ChainVerifications(Supplier<AuditTrail.Verification> walk, Duration reuse, Clock clock) {
        this.walk = walk;
        this.reuse = reuse;
        this.clock = clock;
    }

    /** @param at when the walk that gave this answer began */
    record Verified(AuditTrail.Verification result, Instant at) {}

    /**
     * The latest answer, walking the chain again when the last walk is older than the reuse interval, or
     * seems to lie in the future (the clock was set back): a stale answer is never reused.
     */
    synchronized Verified latest() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(reuse)) || now.isBefore(last.at())) {
            last = new Verified(walk.get(), now);
        }
        return last;
    }
}
