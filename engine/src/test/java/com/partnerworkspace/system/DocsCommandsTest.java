package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakServer;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.RepoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs in {@code docs/} cannot rot: every {@code ```http} and {@code ```bash} block in them is run, in order,
 * against the shared engine, the real Keycloak and OpenBao, with real tokens. A block fails the test when its
 * request does not answer as expected (2xx, or its {@code expect=}) or its command exits non-zero ({@code bash
 * -euo pipefail}, {@code curl --fail-with-body}). Other languages may only illustrate ({@code text},
 * {@code json}).
 *
 * <p>A block's info string may say, after the language: {@code expect=201}; {@code save=NAME:/json/pointer,...}
 * (values for the next blocks); {@code until=/json/pointer=value} (repeat the request until the answer says so,
 * as a person reloads the page); {@code after=broker-login} (what the text asks the person to do next: log in at
 * the broker with the saved {@code LOGIN_URL} in the browser that started it). Both kinds of block use the
 * variables the doc names ({@code $WORKSPACE}, {@code $PARTNER_TOKEN}, ...); a bash block's own assignments carry
 * to the next blocks.
 */
@EngineTest
class DocsCommandsTest {

    private static final Path DOCS = RepoFiles.path("docs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE =
            Pattern.compile("^```([a-z]*)([^\\n]*)\\n(.*?)^```\\s*$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Z][A-Z0-9_]*)");
    private static final Set<String> RUN = Set.of("http", "bash");
    private static final Set<String> ILLUSTRATION = Set.of("text", "json");
    private static final String ENV_MARK = "---docs-env---";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Block(String doc, int line, String language, Map<String, String> options, String text) {
        @Override
        public String toString() {
            return doc + ":" + line + " (" + language + ")";
        }
    }

    @Test
    void thePartnerOnboardingGuideRunsAsWrittenForAPartner() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("WORKSPACE", EngineTest.BASE_URL);
        vars.put("PARTNER_TOKEN", Connections.token("nitin"));

        int ran = runAll("partner-onboarding.md", vars);

        assertThat(ran).as("blocks run").isGreaterThanOrEqualTo(10);
        // What the guide promises: an Active connection, and a delegation that its own steps ended.
        assertThat(Connections.get(vars.get("CONNECTION"), "nitin").get("state").asText())
                .isEqualTo("ACTIVE");
        assertThat(vars).containsKey("DELEGATION");
    }

    @Test
    void theSupportRunbookRunsAsWrittenForOps() throws Exception {
        KeycloakServer keycloak = RealServers.keycloak();
        String user = "runbook-" + UUID.randomUUID().toString().substring(0, 8);
        createUserWithOtp(keycloak, user);
        String connection = Connections.connectedOk(
                        "nitin", "Runbook " + UUID.randomUUID().toString().substring(0, 8))
                .get("id")
                .asText();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("WORKSPACE", EngineTest.BASE_URL);
        vars.put("KEYCLOAK", keycloak.url());
        vars.put("OPS_TOKEN", Connections.token("omar"));
        vars.put("KC_ADMIN_PASSWORD", "admin");
        vars.put("PARTNER", "nitin");
        vars.put("PARTNER_USER", user);
        vars.put("CONNECTION", connection);

        int ran = runAll("support-runbook.md", vars);

        assertThat(ran).as("blocks run").isGreaterThanOrEqualTo(12);
        // The OTP steps did what they say: no OTP left, a new one asked for at the next login.
        String userId = vars.get("USER_ID");
        JsonNode credentials = admin(keycloak, "GET", "/users/" + userId + "/credentials");
        assertThat(credentials.findValuesAsText("type")).doesNotContain("otp");
        assertThat(admin(keycloak, "GET", "/users/" + userId)
                        .get("requiredActions")
                        .toString())
                .contains("CONFIGURE_TOTP");
        // The escalated-alert steps acknowledged the test alert they raised.
        JsonNode alert = com.partnerworkspace.testsupport.Api.get(
                        "/api/alerts/" + vars.get("ALERT"), Connections.token("omar"))
                .json();
        assertThat(alert.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        admin(keycloak, "DELETE", "/users/" + userId);
    }

    @Test
    void everyBlockInTheDocsIsRunOrOnlyIllustrates() {
        List<Path> docs = RepoFiles.in(DOCS, ".md");
        assertThat(docs.stream().map(d -> d.getFileName().toString()))
                .contains("partner-onboarding.md", "support-runbook.md");
        for (Path doc : docs) {
            for (Block block : blocks(doc.getFileName().toString())) {
                assertThat(RUN.contains(block.language()) || ILLUSTRATION.contains(block.language()))
                        .as("%s is an http or bash block (run by this test) or text/json", block)
                        .isTrue();
                assertThat(block.options().keySet())
                        .as("options of %s", block)
                        .isSubsetOf("expect", "save", "until", "after");
            }
        }
    }

    /** Runs every http and bash block of the doc in order; answers how many ran. */
    private static int runAll(String doc, Map<String, String> vars) {
        int ran = 0;
        HttpResponse<String> last = null;
        for (Block block : blocks(doc)) {
            if (block.language().equals("http")) {
                last = runHttp(block, vars);
            } else if (block.language().equals("bash")) {
                runBash(block, vars);
            } else {
                continue;
            }
            ran++;
            if ("broker-login".equals(block.options().get("after"))) {
                brokerLogin(block, vars, last);
            }
        }
        return ran;
    }

    private static HttpResponse<String> runHttp(Block block, Map<String, String> vars) {
        String until = block.options().get("until");
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> response = send(block, substitute(block.text(), vars, block));
            checkStatus(block, response);
            JsonNode body = json(response);
            save(block, body, vars);
            if (until == null) {
                return response;
            }
            String[] condition = until.split("=", 2);
            if (body.at(condition[0]).asText().equals(condition[1])) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("%s: %s never became %s; last answer %s", block, condition[0], condition[1], response.body());
            }
            Connections.sleep(Duration.ofMillis(500));
        }
    }

    private static HttpResponse<String> send(Block block, String text) {
        String[] headAndBody = text.split("\\n\\s*\\n", 2);
        String[] lines = headAndBody[0].strip().split("\\n");
        String[] requestLine = lines[0].strip().split("\\s+", 2);
        String body = headAndBody.length > 1 ? headAndBody[1].strip() : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(requestLine[1]))
                .timeout(Duration.ofSeconds(30))
                .method(
                        requestLine[0],
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 1; i < lines.length; i++) {
            String[] header = lines[i].split(":", 2);
            request.header(header[0].strip(), header[1].strip());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(block + " could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void checkStatus(Block block, HttpResponse<String> response) {
        String expected = block.options().get("expect");
        if (expected == null) {
            assertThat(response.statusCode() / 100)
                    .as("%s answered %s: %s", block, response.statusCode(), response.body())
                    .isEqualTo(2);
        } else {
            assertThat(response.statusCode())
                    .as("%s: %s", block, response.body())
                    .isEqualTo(Integer.parseInt(expected));
        }
    }

    private static void save(Block block, JsonNode body, Map<String, String> vars) {
        String saves = block.options().get("save");
        if (saves == null) {
            return;
        }
        for (String save : saves.split(",")) {
            String[] nameAndPointer = save.split(":", 2);
            JsonNode value = body.at(nameAndPointer[1]);
            assertThat(value.isMissingNode())
                    .as("%s has %s", block, nameAndPointer[1])
                    .isFalse();
            vars.put(nameAndPointer[0], value.asText());
        }
    }

    /** What the guide asks the person to do: log in at the broker, in the browser that started the login. */
    private static void brokerLogin(Block block, Map<String, String> vars, HttpResponse<String> started) {
        String cookie = Connections.bindingCookie(started)
                .orElseThrow(() -> new AssertionError(block + " set no broker-login cookie"));
        URI callback = RealServers.keycloak().brokerLogin(URI.create(vars.get("LOGIN_URL")), "trader", "demo1234");
        assertThat(Connections.followToCallback(callback, cookie).statusCode()).isEqualTo(303);
    }

    /**
     * Runs the block with {@code bash -euo pipefail}, the variables in its environment, and keeps what it assigned
     * ({@code set -a} exports every assignment; {@code env -0} after the block reads them back).
     */
    private static void runBash(Block block, Map<String, String> vars) {
        try {
            Path output = Files.createTempFile("docs-block", ".out");
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            "-euo",
                            "pipefail",
                            "-c",
                            "set -a\n" + block.text() + "\nprintf '%s\\0' '" + ENV_MARK + "'\nenv -0\n")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(vars);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within 60 s", block);
            }
            String out = Files.readString(output);
            Files.delete(output);
            int mark = out.lastIndexOf(ENV_MARK + "\0");
            assertThat(process.exitValue())
                    .as("%s exited with %s:%n%s", block, process.exitValue(), mark < 0 ? out : out.substring(0, mark))
                    .isZero();
            for (String entry : out.substring(mark + ENV_MARK.length() + 1).split("\0")) {
                String[] nameAndValue = entry.split("=", 2);
                if (nameAndValue.length == 2
                        && nameAndValue[0].matches("[A-Z][A-Z0-9_]*")
                        && System.getenv(nameAndValue[0]) == null) {
                    vars.put(nameAndValue[0], nameAndValue[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String substitute(String text, Map<String, String> vars, Block block) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = vars.get(matcher.group(1));
            assertThat(value)
                    .as("%s uses $%s, which nothing set before", block, matcher.group(1))
                    .isNotNull();
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static List<Block> blocks(String doc) {
        String text = RepoFiles.read(DOCS.resolve(doc));
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = FENCE.matcher(text);
        while (matcher.find()) {
            Map<String, String> options = new HashMap<>();
            for (String option : matcher.group(2).strip().split("\\s+")) {
                if (!option.isEmpty()) {
                    String[] keyAndValue = option.split("=", 2);
                    options.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : "");
                }
            }
            int line = (int) text.substring(0, matcher.start()).lines().count() + 1;
            blocks.add(new Block(doc, line, matcher.group(1), options, matcher.group(3)));
        }
        assertThat(blocks).as("blocks of %s", doc).isNotEmpty();
        return blocks;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    /** A throwaway realm user with a password and an OTP credential, and a few wrong logins behind it. */
    private static void createUserWithOtp(KeycloakServer keycloak, String username) throws Exception {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@example.com");
        user.put("emailVerified", true);
        user.put("firstName", "Runbook");
        user.put("lastName", "User");
        user.put(
                "credentials",
                List.of(
                        Map.of("type", "password", "value", "demo1234", "temporary", false),
                        Map.of(
                                "type",
                                "otp",
                                "secretData",
                                "{\"value\":\"JBSWY3DPEHPK3PXP\"}",
                                "credentialData",
                                "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                                        + "\"algorithm\":\"HmacSHA1\",\"secretEncoding\":\"BASE32\"}")));
        String body = JSON.writeValueAsString(Map.of("users", List.of(user), "ifResourceExists", "FAIL"));
        HttpResponse<String> imported = adminSend(keycloak, "POST", "/partialImport", body);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode found = admin(keycloak, "GET", "/users?exact=true&username=" + username);
        String id = found.get(0).get("id").asText();
        assertThat(admin(keycloak, "GET", "/users/" + id + "/credentials").findValuesAsText("type"))
                .as("the user starts with an OTP")
                .contains("otp");
    }

    private static JsonNode admin(KeycloakServer keycloak, String method, String pathInRealm) {
        HttpResponse<String> response = adminSend(keycloak, method, pathInRealm, null);
        assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(2);
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> adminSend(KeycloakServer keycloak, String method, String path, String body) {
        try {
            HttpResponse<String> token = HTTP.send(
                    HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=password&client_id=admin-cli&username=admin&password=admin",
                                    StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String bearer = JSON.readTree(token.body()).get("access_token").asText();
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + path))
                            .header("Authorization", "Bearer " + bearer)
                            .header("Content-Type", "application/json")
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
