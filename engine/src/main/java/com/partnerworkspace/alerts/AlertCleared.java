package com.partnerworkspace.alerts;

/**
 * "The condition is gone": a feature tells the alerts feature that what it raised as {@code type} for
 * {@code resource} no longer holds (e.g. the expiring token was renewed). An open alert with that key
 * is resolved and its escalation ends; nothing happens when none is open.
 */
public record AlertCleared(String partner, String type, String resource) {

    public String key() {
        return partner + "|" + type + "|" + resource;
    }
}
