package com.partnerworkspace.inbox.internal;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the inbox's queries need on Camunda's own task tables, which Camunda does not create: the
 * due-date range and order of every filtered page, a process's tasks by due date (a page or a count of
 * one process reads only its tasks), priority, and the candidate-group test of every "offered to my
 * groups" query (Camunda indexes the identity links' group and task apart, so each task of a group is
 * looked up again). Measured with {@code InboxBenchmark}: see issue 23's notes. Created once the engine made its tables (after {@code schema.sql}, which runs before
 * it), idempotently, on H2 and PostgreSQL alike.
 */
@Component
class InboxIndexes {

    static final List<String> STATEMENTS = List.of(
            "create index if not exists PW_IDX_TASK_DUE on ACT_RU_TASK(DUE_DATE_)",
            "create index if not exists PW_IDX_TASK_PROCDEF_DUE on ACT_RU_TASK(PROC_DEF_ID_, DUE_DATE_, ASSIGNEE_)",
            "create index if not exists PW_IDX_TASK_PRIORITY on ACT_RU_TASK(PRIORITY_)",
            "create index if not exists PW_IDX_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK(GROUP_ID_, TYPE_, TASK_ID_)");

    InboxIndexes(ProcessEngine engine, JdbcTemplate jdbc) {
        // the engine bean exists: its schema update has run
        STATEMENTS.forEach(jdbc::execute);
    }
}
