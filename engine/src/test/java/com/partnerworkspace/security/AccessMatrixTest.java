package com.partnerworkspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakAdmin;
import com.partnerworkspace.testsupport.RealServers;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /api} operation of the OpenAPI document, called as every persona, against the rule table
 * beside this class ({@code access-rules.md}, which says what each cell means). Runs on the shared engine
 * with real Keycloak tokens; the teammate holds one live grant after another through the real
 * delegation flow.
 */
@EngineTest
class AccessMatrixTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A migration report of ops' (one that found nothing to migrate), for the migration rows. */
    private static String migration;

    @org.junit.jupiter.api.BeforeEach
    void aMigrationReport() {
        migration = UUID.randomUUID().toString();
        jdbc.update(
                "insert into model_migration (id, model_key, from_version, to_version, mapping, report, instances,"
                        + " valid, author, status, created_at) values (?, 'delegation-approval', 1, 2, '[]',"
                        + " '{\"instances\":0,\"valid\":false,\"instructions\":[],\"errors\":[]}', 0, false, 'omar',"
                        + " 'reported', current_timestamp)",
                migration);
    }

    @org.junit.jupiter.api.AfterEach
    void resolveTheIncidentsItOpened() {
        runtime.createIncidentQuery()
                .incidentType("access-matrix")
                .list()
                .forEach(incident -> runtime.resolveIncident(incident.getId()));
    }

    static final Path RULES = Path.of("src/test/java/com/partnerworkspace/security/access-rules.md");
    static final String OWNER = "nikhil";
    static final String GRANT_COLUMN = "teammate with grant";
    /** A scope that covers no API: with it the teammate is still just a teammate. */
    static final String UNRELATED_SCOPE = "positions:read";

    /** Bodies the test sends; an operation with a request body not named here gets {@code {}}. */
    static final Map<String, String> BODIES = Map.of(
            "POST /api/connections",
            "{\"broker\":\"broker-sim\",\"label\":\"Access matrix\",\"apiKey\":\"partner-workspace\","
                    + "\"apiSecret\":\"broker-sim-secret\"}",
            "POST /api/delegations",
            "{\"delegate\":\"arjun\",\"scopes\":[\"positions:read\"],\"duration\":\"PT1H\","
                    + "\"justification\":\"Access matrix: may this persona ask for it?\"}",
            "POST /api/alerts/test",
            "{\"partner\":\"nikhil\",\"severity\":\"INFO\"}",
            "POST /api/alert-preferences/test",
            "{\"channels\":[\"email\"]}",
            "POST /api/delegations/bot-secret",
            "{\"token\":\"no-such-link\"}",
            "POST /api/shares/{id}/open",
            "{\"code\":\"000000\"}",
            "POST /api/tasks/{id}/comments",
            "{\"text\":\"Access matrix: may this persona comment?\"}",
            "PUT /api/tasks/{id}/comments/{commentId}",
            "{\"text\":\"Access matrix: may this persona change it?\"}");

    record Operation(String method, String path, boolean hasBody, boolean takesPartner) {

        String key() {
            return method + " " + path;
        }

        /** Reads before changes, and revocations last: they end what the other calls use. */
        int order() {
            if (method.equals("GET")) {
                return 0;
            }
            return path.endsWith("/revoke") ? 2 : 1;
        }
    }

    /** {@code commentTask}: another approval task of the owner's, which no row ends, for the comment rows. */
    record Fixtures(
            String connection, String delegation, String alert, String task, String commentTask, String incident) {

        /** An open incident on the owner's delegation process, for the incident rows (a custom one: not retryable). */
        Fixtures withIncident(String incident) {
            return new Fixtures(connection, delegation, alert, task, commentTask, incident);
        }
    }

    record Persona(String column, Supplier<String> token) {}

    @Test
    void everyOperationOfTheApiHasARuleAndEveryRuleAnOperation() {
        assertThat(rules().keySet())
                .as("rows of " + RULES + " vs the operations of /v3/api-docs")
                .containsExactlyInAnyOrderElementsOf(operations().keySet());
    }

    @Test
    void everyPersonaIsAnsweredAsTheRuleTableSays() {
        Map<String, Map<String, String>> rules = rules();
        List<Operation> operations = operations().values().stream()
                .filter(operation -> rules.containsKey(operation.key()))
                .sorted(Comparator.comparingInt(Operation::order).thenComparing(Operation::key))
                .toList();
        Fixtures fixtures = fixtures();
        fixtures = fixtures.withIncident(runtime.createIncident(
                        "access-matrix",
                        tasks.createTaskQuery()
                                .taskId(fixtures.task())
                                .singleResult()
                                .getExecutionId(),
                        "Access matrix")
                .getId());
        revokeGrantsOf("arjun");
        List<String> mismatches = new ArrayList<>();

        String bot = new KeycloakAdmin(RealServers.keycloak()).serviceAccountToken("access-matrix-bot", "bot");
        List<Persona> beforeGrants = List.of(
                new Persona("anonymous", () -> null),
                new Persona("bot", () -> bot),
                new Persona("other partner", () -> token("mukesh")),
                new Persona("teammate", () -> token("arjun")),
                new Persona("approver", () -> token("priya")));
        for (Persona persona : beforeGrants) {
            check(persona, persona.column(), operations, rules, fixtures, mismatches);
        }
        for (String scope : grantedScopes(rules)) {
            String grant = grantArjun(scope);
            Persona teammate = new Persona(GRANT_COLUMN + " (" + scope + ")", () -> token("arjun"));
            for (Operation operation : operations) {
                String cell = grantCell(rules.get(operation.key()), scope);
                checkOne(teammate, operation, cell, fixtures, mismatches);
            }
            revoke(grant);
        }
        for (Persona persona :
                List.of(new Persona("ops", () -> token("omar")), new Persona("owner", () -> token(OWNER)))) {
            check(persona, persona.column(), operations, rules, fixtures, mismatches);
        }

        assertThat(mismatches)
                .as("answers that break the rules of " + RULES + ":\n" + String.join("\n", mismatches))
                .isEmpty();
    }

    private void check(
            Persona persona,
            String column,
            List<Operation> operations,
            Map<String, Map<String, String>> rules,
            Fixtures fixtures,
            List<String> mismatches) {
        for (Operation operation : operations) {
            checkOne(persona, operation, rules.get(operation.key()).get(column), fixtures, mismatches);
        }
    }

    private void checkOne(Persona persona, Operation operation, String cell, Fixtures fixtures, List<String> out) {
        Api.Response response = call(operation, persona.token().get(), fixtures);
        String problem = mismatch(cell, response, listedId(operation, fixtures));
        if (problem != null) {
            String body = response.body() == null ? "" : response.body();
            out.add("%-28s %-46s expected %-7s %s: %s"
                    .formatted(
                            persona.column(),
                            operation.key(),
                            cell,
                            problem,
                            body.substring(0, Math.min(160, body.length()))));
        }
    }

    /** Null when the answer keeps the rule, else what is wrong with it. */
    static String mismatch(String cell, Api.Response response, String listedId) {
        int status = response.status();
        if (status >= 500) {
            return "got " + status;
        }
        boolean problemJson = response.contentType().startsWith("application/problem+json");
        boolean refused = status == 401 || status == 403 || status == 404;
        return switch (cell) {
            case "yes" -> refused ? "got " + status : null;
            case "no" -> !refused ? "got " + status : problemJson ? null : "got " + status + " without problem+json";
            case "public" -> status == 401 || status == 403 ? "got " + status : null;
            case "mfa" ->
                !refused || response.body().contains("/mfa-step-up-required")
                        ? null
                        : "got " + status + ", not a step-up";
            case "sees", "hidden" -> {
                if (status != 200) {
                    yield "got " + status;
                }
                boolean listed = ids(response.json()).contains(listedId);
                yield listed == cell.equals("sees") ? null : (listed ? "lists " : "leaves out ") + listedId;
            }
            default -> "no such cell '" + cell + "'";
        };
    }

    private static Set<String> ids(JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path("content");
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("id").asText())
                .collect(Collectors.toSet());
    }

    /** The owner's item a list should show or hide. */
    private static String listedId(Operation operation, Fixtures fixtures) {
        String path = operation.path();
        if (path.contains("connections")) {
            return fixtures.connection();
        }
        if (path.startsWith("/api/delegations")) {
            return fixtures.delegation();
        }
        if (path.startsWith("/api/alerts")) {
            return fixtures.alert();
        }
        return path.startsWith("/api/tasks") ? fixtures.task() : null;
    }

    private static Api.Response call(Operation operation, String token, Fixtures fixtures) {
        String path = operation
                .path()
                .replace("{partner}", OWNER)
                .replace("{commentId}", operation.path().contains("{commentId}") ? approversComment(fixtures) : "")
                .replace("{key}", "delegation-approval")
                .replace("{version}", "1")
                .replaceAll("\\{[a-zA-Z]+}", idFor(operation.path(), fixtures));
        if (operation.takesPartner()) {
            path += "?partner=" + OWNER;
        } else if (operation.key().equals("GET /api/brokers/callback")) {
            path += "?state=no-such-login&code=x";
        }
        String body = operation.hasBody() ? BODIES.getOrDefault(operation.key(), "{}") : null;
        return Api.send(path, token, request -> {
            HttpRequest.Builder built = request.header("Accept", "application/json, application/problem+json");
            return body == null
                    ? built.method(operation.method(), HttpRequest.BodyPublishers.noBody())
                    : built.header("Content-Type", "application/json")
                            .method(operation.method(), HttpRequest.BodyPublishers.ofString(body));
        });
    }

    private static String modelDraft;

    /** A draft of ops' (the deployed delegation-approval, unchanged), for the model draft rows. */
    private static synchronized String modelDraft() {
        if (modelDraft == null) {
            Api.Response newest = Api.get("/api/models/delegation-approval/versions", token("omar"));
            String content = Api.get(
                            "/api/models/delegation-approval/versions/"
                                    + newest.json().get(0).get("version").asInt(),
                            token("omar"))
                    .body();
            Api.Response saved = Connections.post(
                    "/api/models/delegation-approval/drafts",
                    token("omar"),
                    Map.of("type", "bpmn", "content", content));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            modelDraft = saved.json().get("id").asText();
        }
        return modelDraft;
    }

    /** A fresh comment of the approver on the owner's task for each call: the author may change or delete it. */
    private static String approversComment(Fixtures fixtures) {
        Api.Response comment = Connections.post(
                "/api/tasks/" + fixtures.commentTask() + "/comments", token("priya"), Map.of("text", "Access matrix"));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        return comment.json().get("id").asText();
    }

    private static String idFor(String path, Fixtures fixtures) {
        if (path.startsWith("/api/models/drafts/")) {
            return modelDraft();
        }
        if (path.startsWith("/api/models/migrations/")) {
            return migration;
        }
        if (path.startsWith("/api/incidents/")) {
            return fixtures.incident();
        }
        if (path.startsWith("/api/tasks/") && path.contains("/comments")) {
            return fixtures.commentTask();
        }
        if (path.startsWith("/api/workspace/widgets/")) {
            return "audit"; // a widget of the partner's own (its rules are the audit trail's for the partner)
        }
        if (path.startsWith("/api/shares/") || path.startsWith("/api/alert-links/")) {
            return "no-such-link-" + Long.toHexString(System.nanoTime());
        }
        if (path.startsWith("/api/connections/")) {
            return fixtures.connection();
        }
        if (path.startsWith("/api/delegations/")) {
            return fixtures.delegation();
        }
        if (path.startsWith("/api/alerts/")) {
            return fixtures.alert();
        }
        return fixtures.task();
    }

    /** The owner's connection, delegation request (with its approval task) and alert. */
    private static Fixtures fixtures() {
        String connection = Connections.createOk(OWNER, "Access matrix " + System.nanoTime())
                .get("id")
                .asText();
        String delegation = requestForArjun(UNRELATED_SCOPE).get("id").asText();
        String task = approvalTaskOf(delegation, "priya");
        Api.Response alert =
                Connections.post("/api/alerts/test", token("omar"), Map.of("partner", OWNER, "severity", "WARNING"));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        String commentTask =
                approvalTaskOf(requestForArjun(UNRELATED_SCOPE).get("id").asText(), "priya");
        return new Fixtures(connection, delegation, alert.json().get("id").asText(), task, commentTask, null);
    }

    // ---- the teammate's grants, through the real delegation flow ----

    private static Set<String> grantedScopes(Map<String, Map<String, String>> rules) {
        Set<String> scopes = new TreeSet<>(Set.of(UNRELATED_SCOPE));
        rules.values().stream()
                .map(row -> row.get(GRANT_COLUMN))
                .filter(cell -> cell.contains(":") && !cell.equals("-"))
                .map(cell -> cell.substring(0, cell.lastIndexOf(':')).trim())
                .forEach(scopes::add);
        return scopes;
    }

    /** The cell for a teammate holding {@code scope}: the scope's own, else the plain teammate's. */
    static String grantCell(Map<String, String> row, String scope) {
        String cell = row.get(GRANT_COLUMN);
        String prefix = scope + ":";
        return cell.startsWith(prefix) ? cell.substring(prefix.length()).trim() : row.get("teammate");
    }

    private static String grantArjun(String scope) {
        JsonNode requested = requestForArjun(scope);
        String id = requested.get("id").asText();
        if (requested.get("state").asText().equals("AWAITING_MFA")) {
            Api.Response confirmed = Connections.post(
                    "/api/delegations/" + id + "/confirm-mfa",
                    RealServers.keycloak().mfaAccessToken(OWNER),
                    null);
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        }
        int approvals = requested.get("approvalsRequired").asInt();
        for (String approver : List.of("priya", "vikram").subList(0, approvals)) {
            Api.Response decided = Connections.post(
                    "/api/tasks/" + approvalTaskOf(id, approver) + "/complete",
                    token(approver),
                    Map.of("approved", true, "comment", "Access matrix"));
            assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        }
        awaitState(id, "ACTIVE");
        return id;
    }

    private static JsonNode requestForArjun(String scope) {
        Api.Response requested = Connections.post(
                "/api/delegations",
                token(OWNER),
                Map.of(
                        "delegate",
                        "arjun",
                        "scopes",
                        List.of(scope),
                        "duration",
                        "PT1H",
                        "justification",
                        "Access matrix: arjun holds " + scope));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json();
    }

    private static void revoke(String delegation) {
        Api.Response revoked = Connections.post("/api/delegations/" + delegation + "/revoke", token(OWNER), null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    }

    private static void revokeGrantsOf(String delegate) {
        for (JsonNode delegation :
                Api.get("/api/delegations?view=granted-to-me", token(delegate)).json()) {
            if (delegation.get("state").asText().equals("ACTIVE")) {
                Connections.post("/api/delegations/" + delegation.get("id").asText() + "/revoke", token("omar"), null);
            }
        }
    }

    private static String stateOf(String delegation) {
        return Api.get("/api/delegations/" + delegation, token("omar"))
                .json()
                .get("state")
                .asText();
    }

    private static void awaitState(String delegation, String state) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!stateOf(delegation).equals(state)) {
            assertThat(Instant.now())
                    .as("delegation " + delegation + " reaches " + state)
                    .isBefore(deadline);
            pause();
        }
    }

    private static String approvalTaskOf(String delegation, String approver) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            for (JsonNode summary : Api.get(
                            "/api/tasks?process=delegation-approval&sort=created,desc&size=200", token(approver))
                    .json()
                    .get("content")) {
                String id = summary.get("id").asText();
                JsonNode task = Api.get("/api/tasks/" + id, token(approver)).json();
                if (delegation.equals(task.path("context").path("delegationId").asText())) {
                    return id;
                }
            }
            assertThat(Instant.now())
                    .as("a task of " + delegation + " for " + approver)
                    .isBefore(deadline);
            pause();
        }
    }

    // ---- the API and the table ----

    /** Every operation under /api in the engine's OpenAPI document. */
    static Map<String, Operation> operations() {
        JsonNode paths = Api.get("/v3/api-docs", null).json().get("paths");
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode spec = method.getValue();
                boolean takesPartner = StreamSupport.stream(
                                spec.path("parameters").spliterator(), false)
                        .anyMatch(p -> p.path("in").asText().equals("query")
                                && p.path("name").asText().equals("partner"));
                Operation operation = new Operation(
                        method.getKey().toUpperCase(), path.getKey(), spec.has("requestBody"), takesPartner);
                operations.put(operation.key(), operation);
            }
        }
        return operations;
    }

    /** The rule table: operation → column → cell. */
    static Map<String, Map<String, String>> rules() {
        List<String> lines;
        try {
            lines = Files.readAllLines(RULES);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> header = null;
        Map<String, Map<String, String>> rules = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("|")) {
                header = line.isBlank() ? header : null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("operation")) {
                header = cells;
            } else if (header != null && !cells.get(0).startsWith("---")) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rules.put(cells.get(0), row);
            }
        }
        return rules;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String token(String user) {
        return RealServers.keycloak().accessToken(user);
    }

    private static void pause() {
        try {
            Thread.sleep(Duration.ofMillis(200).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
