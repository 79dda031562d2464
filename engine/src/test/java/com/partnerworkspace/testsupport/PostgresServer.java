package com.partnerworkspace.testsupport;

/** A real PostgreSQL server with an empty-or-reused {@code workspace} database. */
public record PostgresServer(String jdbcUrl, String username, String password) {}
