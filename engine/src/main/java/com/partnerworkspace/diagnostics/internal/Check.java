package com.partnerworkspace.diagnostics.internal;

import java.time.Duration;

/**
 * One check of the OAuth doctor: one bean per check, named by {@link #id()} (the API's check id). A check
 * answers within {@link #timeout()} or the doctor reports it as not finished; a check that cannot apply
 * answers {@link Status#SKIPPED} with the reason. Checks never put a key, secret, code or token into their
 * evidence.
 */
interface Check {

    String id();

    String title();

    Duration timeout();

    /** The guide section a run that did not finish in time points to. */
    String guide();

    Outcome run(Subject subject);
}
