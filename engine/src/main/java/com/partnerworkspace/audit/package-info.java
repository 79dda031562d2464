/**
 * The audit trail every feature shares: append-only, each entry chained to the previous one by a
 * SHA-256 hash, so an edited or deleted row is found by {@code GET /api/audit/verify}. Features publish
 * an {@link com.partnerworkspace.audit.AuditEvent} inside their transaction; the entry is written in
 * that same transaction, so an act and its audit entry commit or roll back together.
 * UI: {@code ui/src/app/audit/}, route {@code /audit}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit trail",
        allowedDependencies = {"security", "system"})
package com.partnerworkspace.audit;
