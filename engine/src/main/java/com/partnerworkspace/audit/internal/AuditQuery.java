package com.partnerworkspace.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which entries a caller asked for and may see: {@code partner} and {@code actor} restrict by who is
 * asking, the rest are the caller's filters. Values are bound as parameters, never spliced into SQL.
 */
record AuditQuery(
        String onlyPartner,
        String onlyActor,
        String action,
        String actor,
        Instant from,
        Instant to,
        int page,
        int size) {

    String where() {
        List<String> conditions = new ArrayList<>();
        params().keySet().forEach(name -> conditions.add(condition(name)));
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        putIfSet(params, "onlyPartner", onlyPartner);
        putIfSet(params, "onlyActor", onlyActor);
        putIfSet(params, "action", action);
        putIfSet(params, "actor", actor);
        putIfSet(params, "from", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        putIfSet(params, "to", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        return params;
    }

    private static String condition(String name) {
        return switch (name) {
            case "onlyPartner" -> "partner = :onlyPartner";
            case "onlyActor" -> "actor = :onlyActor";
            case "action" -> "action = :action";
            case "actor" -> "actor = :actor";
            case "from" -> "at >= :from";
            case "to" -> "at < :to";
            default -> throw new IllegalStateException(name);
        };
    }

    private static void putIfSet(Map<String, Object> params, String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            params.put(name, value);
        }
    }
}
