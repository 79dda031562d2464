package com.partnerworkspace.inbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The inbox list as one native task query: the tasks a person sees (assigned to them, or unclaimed and
 * offered to one of their groups), narrowed by the criteria, paged and counted by the database.
 *
 * <p>Why not Camunda's {@code TaskQuery}: for "assigned to me or offered to my groups" it joins the
 * identity links and de-duplicates every matching row before it pages, which at 100,000 open tasks cost
 * a page of 50 plus its count ~100 ms on PostgreSQL ({@code InboxBenchmark}). Here the group test is an
 * {@code exists} on the identity links' (group, type, task) index, a process is its definitions' ids on
 * the (definition, due date, assignee) index and the due range and order use the due-date index (all
 * {@link InboxIndexes}). Same rules as the v1 list; the filters' API tests in DelegationFlowTest hold it.
 */
@Component
class TaskListQuery {

    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final Clock clock;

    TaskListQuery(TaskService tasks, ManagementService management, RepositoryService repository, Clock clock) {
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.clock = clock;
    }

    List<Task> page(String username, Set<String> groups, TaskCriteria criteria, TaskSort sort, int first, int max) {
        Sql sql = where(username, groups, criteria);
        return sql.bind(tasks.createNativeTaskQuery()
                        .sql("select RES.* from " + table() + " RES where " + sql.text + orderBy(sort)))
                .listPage(first, max);
    }

    long count(String username, Set<String> groups, TaskCriteria criteria) {
        Sql sql = where(username, groups, criteria);
        return sql.bind(tasks.createNativeTaskQuery().sql("select count(*) from " + table() + " RES where " + sql.text))
                .count();
    }

    private String table() {
        return management.getTableName(TaskEntity.class);
    }

    private Sql where(String username, Set<String> groups, TaskCriteria criteria) {
        Sql sql = new Sql();
        sql.and("RES.SUSPENSION_STATE_ = 1");
        String offered = "RES.ASSIGNEE_ is null and " + candidateOf(sql, groups);
        switch (criteria.assignee() == null ? "anyone" : criteria.assignee()) {
            case "me" -> sql.and("RES.ASSIGNEE_ = " + sql.param(username));
            case "unassigned" -> sql.and(offered);
            default -> sql.and("(RES.ASSIGNEE_ = " + sql.param(username) + " or (" + offered + "))");
        }
        if (present(criteria.process())) {
            sql.and(ofProcess(sql, criteria.process()));
        }
        if (present(criteria.partner())) {
            sql.and("exists (select 1 from " + management.getTableName(VariableInstanceEntity.class)
                    + " V where V.PROC_INST_ID_ = RES.PROC_INST_ID_ and V.NAME_ = 'partner' and V.TEXT_ = "
                    + sql.param(criteria.partner()) + ")");
        }
        if (present(criteria.group())) {
            sql.and(candidateOf(sql, Set.of(criteria.group())));
        }
        if (criteria.priority() != null) {
            sql.and("RES.PRIORITY_ = " + sql.param(criteria.priority()));
        }
        if (present(criteria.due())) {
            narrowByDue(sql, criteria.due());
        }
        return sql;
    }

    /**
     * The process's definitions by id, looked up first: given the ids, the database reads the process's
     * tasks in the due range from the (definition, due date, assignee) index instead of scanning them all.
     */
    private String ofProcess(Sql sql, String processKey) {
        List<String> ids = new ArrayList<>();
        repository.createProcessDefinitionQuery().processDefinitionKey(processKey).list().stream()
                .map(ProcessDefinition::getId)
                .sorted()
                .forEach(id -> ids.add(sql.param(id)));
        return ids.isEmpty() ? "1 = 0" : "RES.PROC_DEF_ID_ in (" + String.join(", ", ids) + ")";
    }

    /** Offered to one of the groups; a person with no role is offered nothing ({@code in ()} is not SQL). */
    private String candidateOf(Sql sql, Set<String> groups) {
        if (groups.isEmpty()) {
            return "1 = 0";
        }
        List<String> names = new ArrayList<>();
        groups.stream().sorted().forEach(group -> names.add(sql.param(group)));
        return "exists (select 1 from " + management.getTableName(IdentityLinkEntity.class)
                + " I where I.GROUP_ID_ in (" + String.join(", ", names) + ") and I.TYPE_ = 'candidate'"
                + " and I.TASK_ID_ = RES.ID_)";
    }

    /** Today and this week from the start of today (UTC); overdue before now; none without a due date. */
    private void narrowByDue(Sql sql, String due) {
        Instant now = clock.instant();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        switch (due) {
            case "overdue" -> sql.and("RES.DUE_DATE_ < " + sql.param(Date.from(now)));
            case "today" ->
                sql.and("RES.DUE_DATE_ >= " + sql.param(Date.from(today)) + " and RES.DUE_DATE_ < "
                        + sql.param(Date.from(today.plus(1, ChronoUnit.DAYS))));
            case "week" ->
                sql.and("RES.DUE_DATE_ >= " + sql.param(Date.from(today)) + " and RES.DUE_DATE_ < "
                        + sql.param(Date.from(today.plus(7, ChronoUnit.DAYS))));
            default -> sql.and("RES.DUE_DATE_ is null");
        }
    }

    /** Ties by creation time, then id, so pages never overlap (as {@link TaskSort} says). */
    private static String orderBy(TaskSort sort) {
        String direction = sort.descending() ? " desc" : " asc";
        String column = switch (sort.field()) {
            case "created" -> "RES.CREATE_TIME_";
            case "priority" -> "RES.PRIORITY_";
            default -> "RES.DUE_DATE_";
        };
        String ties = sort.field().equals("created") ? "" : ", RES.CREATE_TIME_ asc";
        return " order by " + column + direction + nullsLast(column) + ties + ", RES.ID_ asc";
    }

    /** Tasks without a due date come last either way, on H2 as on PostgreSQL. */
    private static String nullsLast(String column) {
        return column.equals("RES.DUE_DATE_") ? " nulls last" : "";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A where clause and its named parameters ({@code #{p0}}, ...). */
    private static final class Sql {
        private final StringBuilder conditions = new StringBuilder();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private String text = "";

        void and(String condition) {
            conditions.append(conditions.isEmpty() ? "" : " and ").append(condition);
            text = conditions.toString();
        }

        String param(Object value) {
            String name = "p" + parameters.size();
            parameters.put(name, value);
            return "#{" + name + "}";
        }

        NativeTaskQuery bind(NativeTaskQuery query) {
            parameters.forEach(query::parameter);
            return query;
        }
    }
}
