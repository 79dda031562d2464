package com.partnerworkspace.keycloak;

/** Someone in the realm, as other features need them: to show, to pick, to notify. */
public record Person(String username, String displayName, String email) {}
