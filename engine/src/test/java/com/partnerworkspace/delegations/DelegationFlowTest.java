package com.partnerworkspace.delegations;

import static com.partnerworkspace.delegations.Delegations.approve;
import static com.partnerworkspace.delegations.Delegations.awaitState;
import static com.partnerworkspace.delegations.Delegations.decide;
import static com.partnerworkspace.delegations.Delegations.groups;
import static com.partnerworkspace.delegations.Delegations.post;
import static com.partnerworkspace.delegations.Delegations.requestOk;
import static com.partnerworkspace.delegations.Delegations.taskFor;
import static com.partnerworkspace.delegations.Delegations.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.Receiver;
import com.partnerworkspace.testsupport.Slow;
import com.partnerworkspace.testsupport.TestClock;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delegations end to end through the API, against the real Keycloak (grants as group memberships the
 * delegate's next token carries), OpenBao (bot secrets, wrapped links) and SMTP server.
 */
@EngineTest
// Flows through real Keycloak with MFA step-ups and waits on the next TOTP window (about 65 s): the full tier.
@Slow
class DelegationFlowTest {

    private static final String VIEW_STATUS_GROUP = "/partners/nikhil/delegations/credentials:view-status";
    private static final String ORDERS_READ_GROUP = "/partners/nikhil/delegations/orders:read";
    private static final String POSITIONS_READ_GROUP = "/partners/nikhil/delegations/positions:read";

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService jobs;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient db;

    @Test
    void approvedGrantCountsAtOnceAndRevokeEndsItAtOnce() {
        String arjunBefore = RealServers.keycloak().freshAccessToken("arjun");
        assertThat(Api.get("/api/partners/nikhil/connections", arjunBefore).status())
                .isEqualTo(403);

        JsonNode requested = requestOk(
                "nikhil",
                Map.of(
                        "delegate", "arjun",
                        "scopes", List.of("credentials:view-status"),
                        "duration", "PT1H",
                        "justification", "Watch the connections while I travel"));
        String id = requested.get("id").asText();
        assertThat(requested.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(requested.get("approvalsRequired").asInt()).isEqualTo(1);
        assertThat(requested.get("eligibleApprovers"))
                .extracting(JsonNode::asText)
                .containsExactly("priya", "vikram");

        MailServer.shared()
                .awaitMail(
                        "priya@partner-workspace.local",
                        mail -> mail.subject().startsWith("Approve delegation")
                                && mail.body().contains("/inbox"),
                        Duration.ofSeconds(30));
        assertThat(Receiver.slackMessages()).anyMatch(message -> message.contains("Approve delegation"));

        approve(id, "priya");
        JsonNode active = awaitState(id, "ACTIVE");

        Instant grantedAt = Instant.parse(active.get("grantedAt").asText());
        assertThat(Instant.parse(active.get("expiresAt").asText())).isEqualTo(grantedAt.plus(Duration.ofHours(1)));
        String arjun = RealServers.keycloak().freshAccessToken("arjun");
        assertThat(groups(arjun)).contains(VIEW_STATUS_GROUP);
        assertThat(Api.get("/api/partners/nikhil/connections", arjun).status()).isEqualTo(200);
        JsonNode me = Api.get("/api/me", arjun).json();
        assertThat(me.get("delegations").findValuesAsText("scope")).contains("credentials:view-status");
        assertThat(me.get("partner").asText())
                .as("a delegate does not become a member")
                .isEqualTo("nikhil");
        assertThat(Api.get("/api/partners/mukesh/connections", arjun).status()).isEqualTo(403);

        Api.Response revoked = post("/api/delegations/" + id + "/revoke", "nikhil", null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("state").asText()).isEqualTo("REVOKED");
        assertThat(Api.get("/api/partners/nikhil/connections", arjun).status())
                .as("the token issued while the grant was live no longer counts")
                .isEqualTo(403);
        assertThat(post("/api/delegations/" + id + "/revoke", "nikhil", null).status())
                .isEqualTo(409);

        awaitGroupGone("arjun", VIEW_STATUS_GROUP);
        JsonNode timeline = Delegations.get(id, "nikhil").get("timeline");
        assertThat(timeline.findValuesAsText("activity"))
                .contains("Approve delegation", "Apply grant in Keycloak", "Remove grant");
    }

    @Test
    void aGrantEndsByItselfWhenItsTimeIsUp() {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
        awaitGroupGone("arjun", POSITIONS_READ_GROUP);
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("positions:read"),
                                "duration", "PT40S",
                                "justification", "Watch the positions for a moment"))
                .get("id")
                .asText();
        approve(id, "vikram");
        Instant expiresAt =
                Instant.parse(awaitState(id, "ACTIVE").get("expiresAt").asText());
        assertThat(groups(RealServers.keycloak().freshAccessToken("arjun"))).contains(POSITIONS_READ_GROUP);
        long expiryMailsBefore = expiryMailsToArjun();

        clock.advanceTo(expiresAt.plusSeconds(1));
        clock.fireDueTimers(id);

        awaitState(id, "EXPIRED");
        assertThat(Instant.now()).as("ended by the moved clock, not by waiting").isBefore(expiresAt);
        awaitGroupGone("arjun", POSITIONS_READ_GROUP);
        Instant deadline = Instant.now().plusSeconds(30);
        while (expiryMailsToArjun() == expiryMailsBefore) {
            assertThat(Instant.now()).as("arjun is told the grant expired").isBefore(deadline);
            Delegations.sleep(Duration.ofMillis(200));
        }
    }

    private static long expiryMailsToArjun() {
        return MailServer.shared().mailsTo("arjun@partner-workspace.local").stream()
                .filter(mail -> mail.subject().startsWith("Delegation expired: positions:read"))
                .count();
    }

    @Test
    void criticalScopeNeedsTheRequestersFreshMfaAndTwoDifferentApprovers() {
        JsonNode requested = requestOk(
                "nikhil",
                Map.of(
                        "delegate", "arjun",
                        "scopes", List.of("orders:place"),
                        "duration", "PT4H",
                        "justification", "Places the afternoon orders while I am in meetings"));
        String id = requested.get("id").asText();
        assertThat(requested.get("state").asText()).isEqualTo("AWAITING_MFA");
        assertThat(requested.get("approvalsRequired").asInt()).isEqualTo(2);

        Api.Response levelOne = post("/api/delegations/" + id + "/confirm-mfa", "nikhil", null);
        assertThat(levelOne.status()).isEqualTo(403);
        assertThat(levelOne.json().get("type").asText()).endsWith("/mfa-step-up-required");
        Api.Response someoneElse = post("/api/delegations/" + id + "/confirm-mfa", "priya", null);
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.json().get("type").asText()).endsWith("/not-the-requester");

        Api.Response confirmed = Delegations.postAs(
                "/api/delegations/" + id + "/confirm-mfa",
                RealServers.keycloak().mfaAccessToken("nikhil"),
                null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asText()).isEqualTo("AWAITING_APPROVAL");

        approve(id, "priya");
        JsonNode second = taskFor(id, "vikram");
        assertThat(Api.get("/api/tasks/" + second.get("id").asText(), token("priya"))
                        .status())
                .isEqualTo(200);
        Api.Response twice = decide(second.get("id").asText(), "priya", true, "again");
        assertThat(twice.status())
                .as("the same approver cannot give the second approval")
                .isEqualTo(403);
        assertThat(Api.get("/api/tasks/" + second.get("id").asText(), token("nikhil"))
                        .status())
                .as("the requester never sees an approval task")
                .isEqualTo(404);

        Api.Response vikram = decide(second.get("id").asText(), "vikram", true, "Fine for today");
        assertThat(vikram.status()).as(vikram.body()).isEqualTo(204);
        JsonNode active = awaitState(id, "ACTIVE");

        assertThat(active.get("approvals").findValuesAsText("approver")).containsExactly("priya", "vikram");
        assertThat(groups(RealServers.keycloak().freshAccessToken("arjun")))
                .contains("/partners/nikhil/delegations/orders:place");
        assertThat(post("/api/delegations/" + id + "/revoke", "omar", null).status())
                .isEqualTo(200);
    }

    @Test
    void aRejectedCriticalRequestRaisesAPolicyViolationAlertForThePartner() {
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("orders:place"),
                                "duration", "PT2H",
                                "justification", "Wants to place orders for the whole desk tonight"))
                .get("id")
                .asText();
        assertThat(Delegations.postAs(
                                "/api/delegations/" + id + "/confirm-mfa",
                                RealServers.keycloak().mfaAccessToken("nikhil"),
                                null)
                        .status())
                .isEqualTo(200);
        JsonNode task = taskFor(id, "priya");

        assertThat(decide(task.get("id").asText(), "priya", false, "Not without the desk head's sign-off")
                        .status())
                .isEqualTo(204);
        awaitState(id, "REJECTED");

        MailServer.shared()
                .awaitMail(
                        "nikhil@partner-workspace.local",
                        mail -> mail.subject().contains("critical access [orders:place] was rejected"),
                        Duration.ofSeconds(60));
        assertThat(Api.get("/api/alerts", token("nikhil")).body())
                .contains("policy-violation.critical-delegation-rejected")
                .contains("delegation/" + id);
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheRequest() {
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("positions:read"),
                                "duration", "P2D",
                                "justification", "Reporting"))
                .get("id")
                .asText();
        JsonNode task = taskFor(id, "vikram");
        String taskId = task.get("id").asText();
        assertThat(task.get("context").get("requester").asText()).isEqualTo("nikhil");
        assertThat(task.get("summary").asText()).contains("positions:read").contains("arjun");

        assertThat(post("/api/tasks/" + taskId + "/claim", "vikram", null).status())
                .isEqualTo(200);
        assertThat(post("/api/tasks/" + taskId + "/claim", "priya", null).status())
                .isEqualTo(409);
        assertThat(decide(taskId, "vikram", false, "").status()).isEqualTo(400);
        assertThat(post("/api/tasks/" + taskId + "/unclaim", "vikram", null).status())
                .isEqualTo(200);

        assertThat(decide(taskId, "priya", false, "Positions are in the daily report already")
                        .status())
                .isEqualTo(204);
        JsonNode rejected = awaitState(id, "REJECTED");

        assertThat(rejected.get("approvals").get(0).get("comment").asText()).contains("daily report");
        MailServer.shared()
                .awaitMail(
                        "nikhil@partner-workspace.local",
                        mail -> mail.subject().startsWith("Delegation request rejected")
                                && mail.body().contains("daily report"),
                        Duration.ofSeconds(30));
    }

    @Test
    void aBotGetsItsOwnClientAndItsSecretOnlyThroughASingleUseLink() {
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "bot",
                                Map.of("name", "Order router"),
                                "scopes",
                                List.of("orders:read"),
                                "duration",
                                "PT2H",
                                "justification",
                                "Reads orders for the router"))
                .get("id")
                .asText();
        approve(id, "vikram");
        JsonNode active = awaitState(id, "ACTIVE");
        String clientId = active.get("bot").get("clientId").asText();
        assertThat(clientId).startsWith("bot-nikhil-order-router-");

        MailServer.Mail mail = MailServer.shared()
                .awaitMail(
                        "nikhil@partner-workspace.local",
                        m -> m.body().contains("/delegations/bot-secret#")
                                && m.body().contains(clientId),
                        Duration.ofSeconds(30));
        String token = mail.body().replaceAll("(?s).*/delegations/bot-secret#(\\S+).*", "$1");
        assertThat(mail.body()).doesNotContain("clientSecret");

        // Checked before anything is spent: whoever else posts the link is refused, and it stays good.
        for (String someoneElse : List.of("mukesh", "arjun", "omar")) {
            Api.Response refused = post("/api/delegations/bot-secret", someoneElse, Map.of("token", token));
            assertThat(refused.status()).as(someoneElse).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (String notALink : List.of("x", "A".repeat(43), token.substring(1) + "A")) {
            Api.Response gone = post("/api/delegations/bot-secret", "nikhil", Map.of("token", notALink));
            assertThat(gone.status()).as(notALink).isIn(400, 410);
            assertThat(gone.contentType()).startsWith("application/problem+json");
        }

        Api.Response opened = post("/api/delegations/bot-secret", "nikhil", Map.of("token", token));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.raw().headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
        String secret = opened.json().get("clientSecret").asText();
        assertThat(Api.get("/api/audit?size=200", token("nikhil")).body())
                .contains("delegation.bot-link-refused", "delegation.bot-link-opened");
        assertThat(post("/api/delegations/bot-secret", "nikhil", Map.of("token", token))
                        .status())
                .isEqualTo(410);

        String botToken = RealServers.keycloak().clientCredentialsToken(clientId, secret);
        assertThat(groups(botToken)).containsExactly("/partners/nikhil/delegations/orders:read");

        assertThat(post("/api/delegations/" + id + "/revoke", "nikhil", null).status())
                .isEqualTo(200);
        Instant deadline = Instant.now().plusSeconds(60);
        while (RealServers.keycloak().clientCredentialsWorks(clientId, secret)
                && Instant.now().isBefore(deadline)) {
            Delegations.sleep(Duration.ofMillis(300));
        }
        assertThat(RealServers.keycloak().clientCredentialsWorks(clientId, secret))
                .as("a revoked bot gets no more tokens")
                .isFalse();
    }

    @Test
    void anotherPartnersDelegationDoesNotExistForYou() {
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("alerts:manage"),
                                "duration", "PT1H",
                                "justification", "Alert duty"))
                .get("id")
                .asText();

        assertThat(Api.get("/api/delegations/" + id, token("mukesh")).status()).isEqualTo(404);
        assertThat(post("/api/delegations/" + id + "/revoke", "mukesh", null).status())
                .isEqualTo(404);
        assertThat(Api.get("/api/delegations/" + id, token("arjun")).status()).isEqualTo(200);
        assertThat(post("/api/delegations/" + id + "/revoke", "arjun", null).status())
                .as("the delegate cannot revoke")
                .isEqualTo(403);
        assertThat(Api.get("/api/delegations?view=to-approve", token("priya"))
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(Api.get("/api/delegations?view=granted-to-me", token("arjun"))
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(post("/api/delegations/" + id + "/revoke", "nikhil", null).status())
                .isEqualTo(200);
    }

    @Test
    void grantsOfOneScopeToOnePersonDecidedTogetherAreEachAppliedAtTheFirstAttempt() throws Exception {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
        awaitGroupGone("arjun", ORDERS_READ_GROUP);
        List<String> ids = java.util.stream.IntStream.range(0, 10)
                .mapToObj(shift -> requestOk(
                                "nikhil",
                                Map.of(
                                        "delegate",
                                        "arjun",
                                        "scopes",
                                        List.of("orders:read"),
                                        "duration",
                                        "PT1H",
                                        "justification",
                                        "Cover the order desk, shift " + shift))
                        .get("id")
                        .asText())
                .toList();
        List<String> taskIds =
                ids.stream().map(id -> taskFor(id, "vikram").get("id").asText()).toList();

        // All decided at once: their "Apply grant" jobs run side by side on the job threads.
        java.util.concurrent.ExecutorService approvers =
                java.util.concurrent.Executors.newFixedThreadPool(taskIds.size());
        try {
            List<java.util.concurrent.Future<Integer>> decisions = taskIds.stream()
                    .map(taskId -> approvers.submit(
                            () -> decide(taskId, "vikram", true, "ok").status()))
                    .toList();
            for (var decision : decisions) {
                assertThat(decision.get()).isEqualTo(204);
            }
        } finally {
            approvers.shutdownNow();
        }
        for (String id : ids) {
            awaitState(id, "ACTIVE");
            assertThat(history.createHistoricJobLogQuery()
                            .processInstanceId(processInstanceOf(id))
                            .failureLog()
                            .list())
                    .as("two memberships of one person never race in Keycloak, so no job of %s fails", id)
                    .isEmpty();
        }
        assertThat(groups(RealServers.keycloak().freshAccessToken("arjun"))).contains(ORDERS_READ_GROUP);

        for (String id : ids.subList(0, ids.size() - 1)) {
            post("/api/delegations/" + id + "/revoke", "nikhil", null);
            awaitEnded(id);
        }
        assertThat(groups(RealServers.keycloak().freshAccessToken("arjun")))
                .as("the last live delegation keeps the scope")
                .contains(ORDERS_READ_GROUP);
        post("/api/delegations/" + ids.get(ids.size() - 1) + "/revoke", "nikhil", null);
        awaitGroupGone("arjun", ORDERS_READ_GROUP);
    }

    @Test
    void aRetriedGrantStepKeepsTheGrantItRecordedBefore() {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
        awaitGroupGone("arjun", POSITIONS_READ_GROUP);
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("positions:read"),
                                "duration", "PT1H",
                                "justification", "Watch the positions"))
                .get("id")
                .asText();
        approve(id, "vikram");
        String expiresAt = awaitState(id, "ACTIVE").get("expiresAt").asText();

        // As a job retried after the grant's own transaction committed: the step runs again.
        String instance = processInstanceOf(id);
        awaitNoStepJobs(instance); // the instance waits for the expiry
        runtime.createProcessInstanceModification(instance)
                .startBeforeActivity("Task_ApplyGrant")
                .execute();
        awaitNoStepJobs(instance);

        assertThat(history.createHistoricJobLogQuery()
                        .processInstanceId(instance)
                        .failureLog()
                        .list())
                .isEmpty();
        JsonNode after = Delegations.get(id, "nikhil");
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.get("expiresAt").asText()).isEqualTo(expiresAt);
        assertThat(groups(RealServers.keycloak().freshAccessToken("arjun")))
                .as("the grant made before is kept, not taken back as if revoked")
                .contains(POSITIONS_READ_GROUP);

        post("/api/delegations/" + id + "/revoke", "nikhil", null);
        awaitGroupGone("arjun", POSITIONS_READ_GROUP);
    }

    @Test
    void revokingAConnectionEndsItsShareLinksAndTheDelegationsLimitedToIt() {
        Delegations.revokeOpenDelegationsGrantedTo("arjun");
        String revoked = Connections.connectedOk("nikhil", "Revoked with what hangs on it")
                .get("id")
                .asText();
        String kept = Connections.connectedOk("nikhil", "Kept with its delegation")
                .get("id")
                .asText();
        String shareToken = shareWithArjun(revoked);
        String endsWithIt = requestLimitedTo(revoked);
        String staysWithTheOther = requestLimitedTo(kept);
        assertThat(Delegations.get(endsWithIt, "arjun").get("connectionLabel").asText())
                .isEqualTo("Revoked with what hangs on it");
        approve(endsWithIt, "priya");
        approve(staysWithTheOther, "priya");
        awaitState(endsWithIt, "ACTIVE");
        awaitState(staysWithTheOther, "ACTIVE");
        String arjun = token("arjun");
        assertThat(Api.get("/api/connections/" + revoked, arjun).status()).isEqualTo(200);
        assertThat(Api.get("/api/partners/nikhil/connections", arjun).json().findValuesAsText("id"))
                .as("each delegation shows its own connection")
                .containsExactlyInAnyOrder(revoked, kept);

        Api.Response revoke = post("/api/connections/" + revoked + "/revoke", "nikhil", null);
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(202);
        assertThat(Api.send(
                                "/api/shares/" + shareToken + "/code",
                                null,
                                r -> r.POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .as("the share link stops at once")
                .isEqualTo(410);
        Connections.awaitIdle(revoked, "nikhil");

        JsonNode ended = awaitState(endsWithIt, "REVOKED");
        assertThat(ended.get("connection").asText()).isEqualTo(revoked);
        assertThat(post("/api/shares/" + shareToken + "/open", "arjun", Map.of("code", "123456"))
                        .status())
                .isEqualTo(410);
        JsonNode endedEntry = auditEntry("delegation.ended", "delegation/" + endsWithIt);
        assertThat(endedEntry.at("/details/reason").asText()).isEqualTo("connection revoked");
        assertThat(endedEntry.at("/details/connection").asText()).isEqualTo(revoked);
        assertThat(auditEntry("credential.shares-ended", "connection/" + revoked)
                        .at("/details/links")
                        .asInt())
                .isEqualTo(1);
        MailServer.shared()
                .awaitMail(
                        "arjun@partner-workspace.local",
                        mail -> mail.subject().startsWith("Delegation ended: credentials:view-status")
                                && mail.body().contains("\"Revoked with what hangs on it\" was revoked"),
                        Duration.ofSeconds(60));
        awaitNoStepJobs(processInstanceOf(endsWithIt));
        assertThat(Delegations.get(endsWithIt, "nikhil").get("timeline").findValuesAsText("activity"))
                .contains("Remove grant");

        assertThat(Delegations.get(staysWithTheOther, "nikhil").get("state").asText())
                .as("a delegation limited to another connection of the partner")
                .isEqualTo("ACTIVE");
        assertThat(Api.get("/api/connections/" + kept, arjun).status()).isEqualTo(200);
        assertThat(Api.get("/api/connections/" + revoked, arjun).status())
                .as("the delegation limited to the kept connection counts for no other")
                .isEqualTo(404);
        post("/api/delegations/" + staysWithTheOther + "/revoke", "nikhil", null);
    }

    private static String shareWithArjun(String connection) {
        Api.Response shared = Connections.post(
                "/api/connections/" + connection + "/share",
                RealServers.keycloak().mfaAccessToken("nikhil"),
                Map.of("recipient", "arjun", "ttl", "PT15M"));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String url = shared.json().get("url").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String requestLimitedTo(String connection) {
        return requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("credentials:view-status"),
                                "connection", connection,
                                "duration", "PT1H",
                                "justification", "Watch this one account"))
                .get("id")
                .asText();
    }

    private static JsonNode auditEntry(String action, String target) {
        JsonNode entries = Api.get("/api/audit?size=200&action=" + action, token("nikhil"))
                .json()
                .get("entries");
        for (JsonNode entry : entries) {
            if (target.equals(entry.get("target").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " of " + target + " in " + entries);
    }

    private void awaitNoStepJobs(String instance) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (jobs.createJobQuery().processInstanceId(instance).messages().count() > 0) {
            assertThat(Instant.now()).as("the steps of %s are done", instance).isBefore(deadline);
            Delegations.sleep(Duration.ofMillis(100));
        }
    }

    private String processInstanceOf(String delegationId) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(delegationId)
                .singleResult()
                .getId();
    }

    private void awaitEnded(String delegationId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(delegationId)
                        .finished()
                        .count()
                == 0) {
            assertThat(Instant.now()).as("the process of %s ends", delegationId).isBefore(deadline);
            Delegations.sleep(Duration.ofMillis(200));
        }
    }

    private static void awaitGroupGone(String user, String group) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (groups(RealServers.keycloak().freshAccessToken(user)).contains(group)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(user + " still holds " + group);
            }
            Delegations.sleep(Duration.ofMillis(300));
        }
    }

    private static String positionsReadTaskOf(String justification) {
        String id = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate",
                                "arjun",
                                "scopes",
                                List.of("positions:read"),
                                "duration",
                                "P1D",
                                "justification",
                                justification))
                .get("id")
                .asText();
        return taskFor(id, "priya").get("id").asText();
    }

    private static JsonNode taskList(String user, String query) {
        Api.Response list = Api.get("/api/tasks?" + query, token(user));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    private static List<String> idsIn(String user, String query) {
        return taskList(user, query + "&size=200").get("content").findValuesAsText("id");
    }

    @Test
    void theInboxListIsFilteredSortedAndPagedByTheServer() {
        String first = positionsReadTaskOf("Inbox filters, first");
        String second = positionsReadTaskOf("Inbox filters, second");
        String base = "process=delegation-approval&partner=nikhil";

        assertThat(idsIn("priya", base)).contains(first, second);
        assertThat(idsIn("priya", "process=credential-rotation")).doesNotContain(first, second);
        assertThat(idsIn("priya", "process=delegation-approval&partner=mukesh")).doesNotContain(first, second);
        assertThat(idsIn("priya", base + "&due=week")).contains(first, second);
        assertThat(idsIn("priya", base + "&due=none")).doesNotContain(first, second);
        assertThat(idsIn("priya", base + "&due=overdue")).doesNotContain(first, second);
        assertThat(idsIn("priya", base + "&priority=50")).contains(first, second);
        assertThat(idsIn("priya", base + "&priority=99")).doesNotContain(first, second);
        assertThat(idsIn("priya", base + "&group=approver")).contains(first, second);
        assertThat(idsIn("priya", base + "&group=ops")).doesNotContain(first, second);
        assertThat(idsIn("nikhil", base))
                .as("the requester never sees an approval task")
                .doesNotContain(first);

        assertThat(idsIn("priya", base + "&sort=created,desc").subList(0, 2)).containsExactly(second, first);
        JsonNode page = taskList("priya", base + "&sort=created,desc&page=1&size=1");
        assertThat(page.get("content").findValuesAsText("id")).containsExactly(first);
        assertThat(page.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);

        assertThat(post("/api/tasks/" + first + "/claim", "priya", null).status())
                .isEqualTo(200);
        assertThat(idsIn("priya", base + "&assignee=me")).contains(first).doesNotContain(second);
        assertThat(idsIn("priya", base + "&assignee=unassigned"))
                .contains(second)
                .doesNotContain(first);
        assertThat(idsIn("priya", base + "&assignee=anyone")).contains(first, second);
        assertThat(idsIn("vikram", base)).as("claimed by priya").doesNotContain(first);

        Api.Response lost = post("/api/tasks/" + first + "/claim", "vikram", null);
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.json().get("takenBy").asText()).isEqualTo("priya");
        assertThat(lost.json().get("takenAt").asText()).isNotBlank();
        assertThat(lost.json().get("detail").asText()).startsWith("priya took this task at ");
        assertThat(post("/api/tasks/" + second + "/claim", "nikhil", null).status())
                .as("only a candidate claims")
                .isEqualTo(404);

        Api.Response badDue = Api.get("/api/tasks?due=soon", token("priya"));
        assertThat(badDue.status()).isEqualTo(400);
        assertThat(badDue.json().get("errors").get(0).get("field").asText()).isEqualTo("due");
        assertThat(decide(first, "priya", false, "Filters tested").status()).isEqualTo(204);
        assertThat(decide(second, "vikram", false, "Filters tested").status()).isEqualTo(204);
    }

    @Test
    void aBulkDecisionAnswersPerTaskAndKeepsEveryRuleOfASingleDecision() {
        String approved = positionsReadTaskOf("Bulk, approved by priya");
        String takenByVikram = positionsReadTaskOf("Bulk, claimed by vikram first");
        String doneByVikram = positionsReadTaskOf("Bulk, completed by vikram first");
        String critical = requestOk(
                        "nikhil",
                        Map.of(
                                "delegate", "arjun",
                                "scopes", List.of("orders:place"),
                                "duration", "PT1H",
                                "justification", "Bulk decisions keep the four-eyes rule"))
                .get("id")
                .asText();
        assertThat(Delegations.postAs(
                                "/api/delegations/" + critical + "/confirm-mfa",
                                RealServers.keycloak().mfaAccessToken("nikhil"),
                                null)
                        .status())
                .isEqualTo(200);
        approve(critical, "priya");
        String secondApproval = taskFor(critical, "vikram").get("id").asText();
        assertThat(post("/api/tasks/" + takenByVikram + "/claim", "vikram", null)
                        .status())
                .isEqualTo(200);
        assertThat(decide(doneByVikram, "vikram", false, "Mine to reject").status())
                .isEqualTo(204);

        Api.Response bulk = post(
                "/api/tasks/bulk",
                "priya",
                Map.of(
                        "action",
                        "complete",
                        "taskIds",
                        List.of(approved, takenByVikram, doneByVikram, secondApproval),
                        "values",
                        Map.of("approved", false, "comment", "Rejected in bulk: one comment for all")));

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        JsonNode results = bulk.json().get("results");
        assertThat(results.findValuesAsText("taskId"))
                .containsExactly(approved, takenByVikram, doneByVikram, secondApproval);
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("done");
        assertThat(results.get(1).get("outcome").asText()).isEqualTo("task-claimed");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("detail").asText()).startsWith("vikram took this task");
        assertThat(results.get(2).get("outcome").asText()).isEqualTo("task-completed");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(2).get("detail").asText()).startsWith("vikram completed this task at ");
        assertThat(results.get(3).get("outcome").asText())
                .as("four eyes: priya gave the first approval")
                .isEqualTo("already-decided");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(403);
        assertThat(Api.get("/api/tasks/" + secondApproval, token("vikram"))
                        .json()
                        .get("assignee")
                        .isNull())
                .as("nothing half-done: the refused task was not left claimed by priya")
                .isTrue();

        Api.Response notACandidate = post(
                "/api/tasks/bulk",
                "vikram",
                Map.of("action", "reassign", "taskIds", List.of(takenByVikram), "assignee", "nikhil"));
        assertThat(notACandidate.json().get("results").get(0).get("outcome").asText())
                .isEqualTo("not-a-candidate");
        Api.Response handedOver = post(
                "/api/tasks/bulk",
                "vikram",
                Map.of("action", "reassign", "taskIds", List.of(takenByVikram), "assignee", "priya"));
        assertThat(handedOver.json().get("results").get(0).get("outcome").asText())
                .as(handedOver.body())
                .isEqualTo("done");
        assertThat(Api.get("/api/tasks/" + takenByVikram, token("priya"))
                        .json()
                        .get("assignee")
                        .asText())
                .isEqualTo("priya");
        Api.Response unclaimed = post(
                "/api/tasks/bulk",
                "priya",
                Map.of("action", "unclaim", "filter", Map.of("assignee", "me", "process", "delegation-approval")));
        assertThat(unclaimed.json().get("results").findValuesAsText("taskId")).contains(takenByVikram);
        Api.Response claimed = post(
                "/api/tasks/bulk",
                "vikram",
                Map.of("action", "claim", "taskIds", List.of(takenByVikram, secondApproval)));
        assertThat(claimed.json().get("results").findValuesAsText("outcome")).containsExactly("done", "done");

        assertThat(decide(takenByVikram, "vikram", false, "Cleanup").status()).isEqualTo(204);
        assertThat(decide(secondApproval, "vikram", false, "Cleanup").status()).isEqualTo(204);
    }

    private static Api.Response send(String method, String path, String user, Object body) {
        return Api.send(path, token(user), request -> {
            try {
                return request.header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                Delegations.JSON.writeValueAsString(body)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void savedFiltersAreOwnedSharedWithAGroupAndCounted() {
        positionsReadTaskOf("Saved filters count this one");
        Map<String, Object> nikhilsApprovals = Map.of("process", "delegation-approval", "partner", "nikhil");
        Api.Response shared = post(
                "/api/task-filters",
                "priya",
                Map.of("name", "Nikhil's approvals", "criteria", nikhilsApprovals, "sharedWithGroup", "approver"));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String sharedId = shared.json().get("id").asText();
        assertThat(shared.json().get("criteria").get("partner").asText()).isEqualTo("nikhil");
        String ownId = post("/api/task-filters", "priya", Map.of("name", "Mine", "criteria", Map.of("assignee", "me")))
                .json()
                .get("id")
                .asText();

        Api.Response notMyGroup = post(
                "/api/task-filters", "priya", Map.of("name", "Ops", "criteria", Map.of(), "sharedWithGroup", "ops"));
        assertThat(notMyGroup.status()).isEqualTo(400);
        assertThat(notMyGroup.json().get("errors").get(0).get("field").asText()).isEqualTo("sharedWithGroup");
        Api.Response badDue =
                post("/api/task-filters", "priya", Map.of("name", "Soon", "criteria", Map.of("due", "soon")));
        assertThat(badDue.json().get("errors").get(0).get("field").asText()).isEqualTo("criteria.due");

        assertThat(Api.get("/api/task-filters", token("vikram")).json().findValuesAsText("id"))
                .contains(sharedId)
                .doesNotContain(ownId);
        assertThat(Api.get("/api/task-filters", token("nikhil")).json().findValuesAsText("id"))
                .doesNotContain(sharedId, ownId);
        Api.Response notTheOwner = send("PUT", "/api/task-filters/" + sharedId, "vikram", Map.of("name", "Taken over"));
        assertThat(notTheOwner.status()).isEqualTo(403);
        assertThat(notTheOwner.json().get("type").asText()).endsWith("/not-the-filter-owner");
        assertThat(send("DELETE", "/api/task-filters/" + sharedId, "vikram", null)
                        .status())
                .isEqualTo(403);
        assertThat(send("DELETE", "/api/task-filters/" + ownId, "vikram", null).status())
                .isEqualTo(404);
        assertThat(Api.get("/api/task-filters/" + sharedId, token("nikhil")).status())
                .isEqualTo(404);

        long listed = Api.get("/api/tasks?process=delegation-approval&partner=nikhil&size=1", token("priya"))
                .json()
                .get("page")
                .get("totalElements")
                .asLong();
        JsonNode counts = Api.get("/api/task-filters/counts", token("priya")).json();
        assertThat(counts.findValuesAsText("id")).contains(sharedId, ownId);
        for (JsonNode count : counts) {
            if (count.get("id").asText().equals(sharedId)) {
                assertThat(count.get("count").asLong()).isEqualTo(listed).isPositive();
            }
        }

        Api.Response renamed = send(
                "PUT",
                "/api/task-filters/" + sharedId,
                "priya",
                Map.of("name", "Nikhil, due this week", "criteria", Map.of("partner", "nikhil", "due", "week")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("sharedWithGroup").isNull()).isTrue();
        assertThat(send("DELETE", "/api/task-filters/" + sharedId, "priya", null)
                        .status())
                .isEqualTo(204);
        assertThat(send("DELETE", "/api/task-filters/" + ownId, "priya", null).status())
                .isEqualTo(204);
        assertThat(Api.get("/api/task-filters/" + sharedId, token("priya")).status())
                .isEqualTo(404);
        assertThat(db.sql("select action from audit_entry where target = :target order by id")
                        .param("target", "task-filter/" + sharedId)
                        .query(String.class)
                        .list())
                .containsExactly("task-filter.created", "task-filter.updated", "task-filter.deleted");
    }
}
