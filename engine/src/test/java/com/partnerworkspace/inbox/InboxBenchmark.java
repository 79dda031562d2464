package com.partnerworkspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineOnPostgres;
import com.partnerworkspace.testsupport.RealServers;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox at scale on PostgreSQL, printed side by side with stock Camunda: {@value #TASKS} open tasks over
 * every deployed process, {@value #USERS} users (a third of the tasks claimed) and {@value #GROUPS} candidate
 * groups (one in ten offered to {@code approver}, as 10,000 approver tasks). The tasks are written straight
 * into {@code ACT_RU_TASK} and {@code ACT_RU_IDENTITYLINK} in JDBC batches (the engine takes minutes for
 * 100,000 {@code newTask} saves); they belong to no process instance and have no form, so the list reads
 * them plainly. Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none
 * -Dtest=InboxBenchmark} ({@code -Dbench.tasks=} for fewer).
 */
@EngineOnPostgres
@Order(Integer.MAX_VALUE)
@Tag("benchmark")
class InboxBenchmark {

    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int USERS = 1_000;
    private static final int GROUPS = 200;
    private static final int SAMPLES = 200;
    private static final int WARMUP = 50;
    private static final int BULK = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFilteredPageCountsAndABulkApproveAtScale() {
        assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
        seed();
        String priya = RealServers.keycloak().accessToken("priya");
        String omar = RealServers.keycloak().accessToken("omar");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String ours = "/api/tasks?process=delegation-approval&due=week&assignee=unassigned&sort=due&size=50";
        // the test engine's name is unique per context, so engine-rest's default-engine paths do not find it
        String engineRest = "/engine-rest/engine/" + engine.getName();
        String stock = engineRest + "/task?active=true&processDefinitionKey=delegation-approval&candidateGroup=approver"
                + "&unassigned=true&dueAfter=" + rest(today.minusMillis(1)) + "&dueBefore="
                + rest(today.plus(7, ChronoUnit.DAYS)) + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";
        String stockCount = stock.replace("/task?", "/task/count?");
        assertThat(get(ours, priya).json().get("content").size()).isEqualTo(50);
        assertThat(get(stock, omar).json().size()).isEqualTo(50);
        long total = get(ours, priya).json().get("page").get("totalElements").asLong();

        List<Long> oursMs = new ArrayList<>();
        List<Long> stockMs = new ArrayList<>();
        List<Long> stockWithCountMs = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            // interleaved, so both sides see the same caches and the same neighbours on the two cores
            long a = timed(() -> get(ours, priya));
            long b = timed(() -> get(stock, omar));
            long c = timed(() -> get(stock, omar)) + timed(() -> get(stockCount, omar));
            if (i >= WARMUP) {
                oursMs.add(a);
                stockMs.add(b);
                stockWithCountMs.add(c);
            }
        }

        // the navigation's badge: every open task priya sees, unfiltered (a page of one and its total)
        String badge = "/api/tasks?size=1";
        long open = get(badge, priya).json().get("page").get("totalElements").asLong();
        List<Long> badgeMs = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES / 4; i++) {
            long ms = timed(() -> get(badge, priya));
            if (i >= WARMUP) {
                badgeMs.add(ms);
            }
        }

        List<String> filterIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> criteria = i % 2 == 0
                    ? Map.of(
                            "process",
                            "delegation-approval",
                            "due",
                            List.of("today", "week", "overdue").get(i % 3))
                    : Map.of("priority", 40 + i, "assignee", "unassigned");
            filterIds.add(send("POST", "/api/task-filters", priya, Map.of("name", "Bench " + i, "criteria", criteria))
                    .json()
                    .get("id")
                    .asText());
        }
        List<Long> countsMs = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES / 4; i++) {
            long ms = timed(() -> get("/api/task-filters/counts", priya));
            if (i >= WARMUP) {
                countsMs.add(ms);
            }
        }

        List<String> approvals = approvalTasks(priya);
        Instant started = Instant.now();
        JsonNode results = send(
                        "POST",
                        "/api/tasks/bulk",
                        priya,
                        Map.of(
                                "action",
                                "complete",
                                "taskIds",
                                approvals,
                                "values",
                                Map.of("approved", true, "comment", "Approved in bulk")))
                .json()
                .get("results");
        long bulkMs = Duration.between(started, Instant.now()).toMillis();
        assertThat(results.findValuesAsText("outcome")).hasSize(BULK).containsOnly("done");

        System.out.printf(
                "%nBENCHMARK inbox, PostgreSQL, %d open tasks, %d users, %d groups; page of 50 of %d matching"
                        + " (process + due this week + unassigned, by due date), %d samples after %d warm-up:%n"
                        + "  /api/tasks (page + total)        p50 %d ms, p95 %d ms  (target p95 < 50 ms)%n"
                        + "  /engine-rest/task (page only)    p50 %d ms, p95 %d ms%n"
                        + "  /engine-rest/task + /task/count  p50 %d ms, p95 %d ms%n"
                        + "  /api/tasks?size=1 (the nav badge: all %d open tasks priya sees) p50 %d ms, p95 %d ms%n"
                        + "  /api/task-filters/counts (10 filters) p50 %d ms, p95 %d ms  (target < 100 ms)%n"
                        + "  bulk approve of %d delegation tasks: %d ms with a result per task  (target < 10 s)%n%n",
                TASKS,
                USERS,
                GROUPS,
                total,
                SAMPLES,
                WARMUP,
                percentile(oursMs, 50),
                percentile(oursMs, 95),
                percentile(stockMs, 50),
                percentile(stockMs, 95),
                percentile(stockWithCountMs, 50),
                percentile(stockWithCountMs, 95),
                open,
                percentile(badgeMs, 50),
                percentile(badgeMs, 95),
                percentile(countsMs, 50),
                percentile(countsMs, 95),
                BULK,
                bulkMs);
        filterIds.forEach(id -> send("DELETE", "/api/task-filters/" + id, priya, null));
    }

    /** {@value #BULK} real approval tasks (non-critical requests of nikhil's, one approval each). */
    private List<String> approvalTasks(String priya) {
        String nikhil = RealServers.keycloak().accessToken("nikhil");
        for (int i = 0; i < BULK; i++) {
            Api.Response requested = send(
                    "POST",
                    "/api/delegations",
                    nikhil,
                    Map.of(
                            "delegate",
                            "arjun",
                            "scopes",
                            List.of("positions:read"),
                            "duration",
                            "PT1H",
                            "justification",
                            "Inbox benchmark " + i));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            List<String> ids = tasks
                    .createTaskQuery()
                    .processDefinitionKey("delegation-approval")
                    .taskDefinitionKey("Task_ApproveDelegation")
                    .taskUnassigned()
                    .orderByTaskCreateTime()
                    .desc()
                    .listPage(0, BULK)
                    .stream()
                    .map(org.camunda.bpm.engine.task.Task::getId)
                    .toList();
            if (ids.size() == BULK || Instant.now().isAfter(deadline)) {
                return ids;
            }
            sleep();
        }
    }

    /** Exactly {@value #TASKS} seeded tasks: the kept database still holds those of earlier runs. */
    private void seed() {
        jdbc.update("delete from ACT_RU_IDENTITYLINK where TASK_ID_ in"
                + " (select ID_ from ACT_RU_TASK where TASK_DEF_KEY_ = 'Bench_Task')");
        int earlier = jdbc.update("delete from ACT_RU_TASK where TASK_DEF_KEY_ = 'Bench_Task'");
        System.out.printf("BENCHMARK inbox: removed %d tasks seeded by earlier runs%n", earlier);
        List<String> definitions = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(org.camunda.bpm.engine.repository.ProcessDefinition::getId)
                .toList();
        String approval = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("delegation-approval")
                .latestVersion()
                .singleResult()
                .getId();
        Instant now = Instant.now();
        int batch = 5_000;
        for (int from = 0; from < TASKS; from += batch) {
            List<Object[]> taskRows = new ArrayList<>();
            List<Object[]> linkRows = new ArrayList<>();
            for (int i = from; i < Math.min(TASKS, from + batch); i++) {
                String id = UUID.randomUUID().toString();
                boolean forApprovers = i % 10 == 0;
                String definition = forApprovers && i % 20 == 0 ? approval : definitions.get(i % definitions.size());
                String assignee = i % 3 == 0 ? "bench-user-" + (i % USERS) : null;
                Timestamp due = i % 7 == 0
                        ? null
                        : Timestamp.from(now.plus(i % 240, ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS));
                taskRows.add(new Object[] {
                    id,
                    definition,
                    "Bench task " + i,
                    "Bench_Task",
                    assignee,
                    20 + (i % 5) * 10,
                    Timestamp.from(now.minusSeconds(i)),
                    due
                });
                linkRows.add(new Object[] {
                    UUID.randomUUID().toString(), forApprovers ? "approver" : "bench-group-" + (i % GROUPS), id
                });
            }
            jdbc.batchUpdate(
                    "insert into ACT_RU_TASK (ID_, REV_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_,"
                            + " CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_)"
                            + " values (?, 1, ?, ?, ?, ?, ?, ?, null, ?, 1)",
                    taskRows);
            jdbc.batchUpdate(
                    "insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_)"
                            + " values (?, 1, ?, 'candidate', null, ?)",
                    linkRows);
        }
        // as autovacuum leaves a table within a minute of a bulk load: statistics and the visibility map
        // (index-only scans) up to date, for our queries and stock Camunda's alike
        jdbc.execute("vacuum analyze ACT_RU_TASK");
        jdbc.execute("vacuum analyze ACT_RU_IDENTITYLINK");
    }

    private Api.Response get(String path, String token) {
        Api.Response response = Api.get(base(), path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Api.Response send(String method, String path, String token, Object body) {
        return Api.send(base(), path, token, request -> {
            try {
                return request.header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String rest(Instant instant) {
        return java.net.URLEncoder.encode(
                instant.atOffset(java.time.ZoneOffset.UTC)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long timed(Supplier<?> call) {
        long started = System.nanoTime();
        call.get();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
