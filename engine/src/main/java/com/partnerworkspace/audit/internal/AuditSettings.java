package com.partnerworkspace.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param verificationReuse how long the answer of one walk of the chain is given to every caller of
 *     {@code GET /api/audit/verify}: the walk reads every entry, so it runs at most once per interval
 */
@ConfigurationProperties("workspace.audit")
record AuditSettings(@DefaultValue("PT10S") Duration verificationReuse) {}
