package com.partnerworkspace.delegations;

import static com.partnerworkspace.delegations.Delegations.request;
import static com.partnerworkspace.delegations.Delegations.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request is a 400 naming the field, and nothing is written: no record, no process, no audit entry. */
@EngineTest
class DelegationRequestValidationTest {

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown delegate", with("delegate", "nobody-here"), "delegate"),
                Arguments.of("self-delegation", with("delegate", "nikhil"), "delegate"),
                Arguments.of("delegate outside the team", with("delegate", "priya"), "delegate"),
                Arguments.of("delegate of another partner", with("delegate", "mukesh"), "delegate"),
                Arguments.of("neither delegate nor bot", without("delegate"), "delegate"),
                Arguments.of("both delegate and bot", with("bot", Map.of("name", "router")), "delegate"),
                Arguments.of("unknown scope", with("scopes", List.of("orders:read", "orders:destroy")), "scopes"),
                Arguments.of("no scope", with("scopes", List.of()), "scopes"),
                Arguments.of("duration missing", without("duration"), "duration"),
                Arguments.of("duration not ISO-8601", with("duration", "8 hours"), "duration"),
                Arguments.of("zero duration", with("duration", "PT0S"), "duration"),
                Arguments.of("negative duration", with("duration", "-PT1H"), "duration"),
                Arguments.of("duration above the scope's maximum", with("duration", "P31D"), "duration"),
                Arguments.of(
                        "critical scope above the policy's maximum", critical().with("duration", "PT13H"), "duration"),
                Arguments.of(
                        "short justification for a critical scope",
                        critical().with("justification", "because"),
                        "justification"),
                Arguments.of("bad bot name", without("delegate").with("bot", Map.of("name", "!")), "bot.name"),
                Arguments.of("over-long delegate", with("delegate", "a".repeat(10_000)), "delegate"),
                Arguments.of("over-long justification", with("justification", "j".repeat(2_001)), "justification"),
                Arguments.of("over-long duration", with("duration", "P" + "1".repeat(100) + "D"), "duration"),
                Arguments.of(
                        "over-long bot name",
                        without("delegate").with("bot", Map.of("name", "b".repeat(10_000))),
                        "bot.name"),
                Arguments.of("over-long scope", with("scopes", List.of("s".repeat(10_000))), "scopes[0]"),
                Arguments.of("unknown field", with("scope", "orders:read"), "scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesBadInputNamingTheFieldAndWritesNothing(String what, Body body, String field) {
        int delegationsBefore = mine().size();
        long auditBefore = auditTotal();

        Api.Response response = request("nikhil", body.values());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(mine()).hasSize(delegationsBefore);
        assertThat(auditTotal()).isEqualTo(auditBefore);
    }

    /** Whether a name is unknown, a partner's, an approver's or in another team: the same answer. */
    @Test
    void namesOutsideTheTeamGetOneAnswerWhetherOrNotTheyExist() {
        List<JsonNode> answers = new java.util.ArrayList<>();
        for (String name : List.of("nobody-here", "priya", "mukesh", "omar")) {
            Api.Response response = request("nikhil", with("delegate", name).values());
            assertThat(response.status()).as(name).isEqualTo(400);
            answers.add(response.json().path("errors"));
        }

        assertThat(answers).allSatisfy(errors -> assertThat(errors).isEqualTo(answers.get(0)));
        assertThat(answers.get(0).toString()).doesNotContain("nobody-here");
    }

    @Test
    void aDelegationIsLimitedOnlyToOneOfThePartnersOwnConnectionsAndOnlyForCredentialsScopes() {
        String own = Connections.createOk("nikhil", "Limit target").get("id").asText();
        String revoked =
                Connections.createOk("nikhil", "Revoked limit target").get("id").asText();
        assertThat(Connections.post("/api/connections/" + revoked + "/revoke", token("nikhil"), null)
                        .status())
                .isEqualTo(202);
        String mukeshs =
                Connections.createOk("mukesh", "Not nikhil's").get("id").asText();
        Body perConnection = with("scopes", List.of("credentials:view-status", "credentials:rotate"))
                .with("justification", "Rotates this one account while I am travelling");

        Map<String, Body> refused = new LinkedHashMap<>();
        refused.put("another partner's connection", perConnection.with("connection", mukeshs));
        refused.put("an unknown connection", perConnection.with("connection", "no-such-connection"));
        refused.put("an over-long connection", perConnection.with("connection", "c".repeat(5000)));
        refused.put("a revoked connection", perConnection.with("connection", revoked));
        refused.put("a scope checked for the whole partner", with("connection", own));
        for (Map.Entry<String, Body> bad : refused.entrySet()) {
            int delegationsBefore = mine().size();
            long auditBefore = auditTotal();

            Api.Response response = request("nikhil", bad.getValue().values());

            assertThat(response.status())
                    .as(bad.getKey() + ": " + response.body())
                    .isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .as(bad.getKey())
                    .containsExactly("connection");
            assertThat(mine()).hasSize(delegationsBefore);
            assertThat(auditTotal()).isEqualTo(auditBefore);
        }
        assertThat(request("nikhil", with("connection", mukeshs).values()).body())
                .as("someone else's connection reads as an unknown one")
                .contains("is not one of your broker connections");

        JsonNode limited = Delegations.requestOk(
                "nikhil", perConnection.with("connection", own).values());
        assertThat(limited.get("connection").asText()).isEqualTo(own);
        assertThat(limited.get("connectionLabel").asText()).isEqualTo("Limit target");
        JsonNode forAll = Delegations.requestOk("nikhil", valid().values());
        assertThat(forAll.get("connection").isNull()).isTrue();
        for (JsonNode delegation : List.of(limited, forAll)) {
            Delegations.post("/api/delegations/" + delegation.get("id").asText() + "/revoke", "nikhil", null);
        }
    }

    @Test
    void onlyAPartnerCanDelegate() {
        for (String user : List.of("priya", "arjun", "omar")) {
            Api.Response response = request(user, valid().values());
            assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(403);
        }
    }

    @Test
    void listsOnlyKnownViews() {
        Api.Response response = Api.get("/api/delegations?view=everything", token("nikhil"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("view");
    }

    @Test
    void scopeCatalogueMarksCriticalScopes() {
        JsonNode scopes = Api.get("/api/scopes", token("arjun")).json();

        assertThat(scopes.findValuesAsText("name"))
                .contains(
                        "orders:read",
                        "orders:place",
                        "positions:read",
                        "credentials:view-status",
                        "credentials:rotate",
                        "credentials:reveal",
                        "alerts:manage");
        for (JsonNode scope : scopes) {
            boolean critical = List.of("orders:place", "credentials:rotate", "credentials:reveal")
                    .contains(scope.get("name").asText());
            assertThat(scope.get("critical").asBoolean()).as(scope.toString()).isEqualTo(critical);
            assertThat(scope.get("description").asText()).isNotBlank();
            assertThat(scope.get("maxDuration").asText()).startsWith("P");
        }
    }

    @Test
    void teamListsThePartnersTeammatesToThePartnerOnly() {
        Api.Response team = Api.get("/api/partners/nikhil/team", token("nikhil"));
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.json().findValuesAsText("username")).containsExactly("arjun");

        assertThat(Api.get("/api/partners/nikhil/team", token("mukesh")).status())
                .isEqualTo(403);
    }

    private static List<JsonNode> mine() {
        List<JsonNode> list = new java.util.ArrayList<>();
        Api.get("/api/delegations?view=mine", token("nikhil")).json().forEach(list::add);
        return list;
    }

    /** Requests recorded in the audit trail (not every entry: other tests' processes append meanwhile). */
    private static long auditTotal() {
        return Api.get("/api/audit?size=1&action=delegation.requested", token("omar"))
                .json()
                .get("total")
                .asLong();
    }

    /** A request body built from a valid one. */
    record Body(Map<String, Object> values) {
        Body with(String key, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(values);
            changed.put(key, value);
            return new Body(changed);
        }

        Body without(String key) {
            Map<String, Object> changed = new LinkedHashMap<>(values);
            changed.remove(key);
            return new Body(changed);
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    static Body valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delegate", "arjun");
        body.put("scopes", List.of("orders:read"));
        body.put("duration", "PT8H");
        body.put("justification", "Covering the desk");
        return new Body(body);
    }

    private static Body critical() {
        return valid().with("scopes", List.of("orders:place"))
                .with("justification", "Covering the trading desk while I am travelling");
    }

    private static Body with(String key, Object value) {
        return valid().with(key, value);
    }

    private static Body without(String key) {
        return valid().without(key);
    }
}
