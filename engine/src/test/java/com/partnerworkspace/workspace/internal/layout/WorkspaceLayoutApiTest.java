package com.partnerworkspace.workspace.internal.layout;

import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET/PUT/DELETE of the workspace with real tokens: personas from Keycloak attributes, defaults from the
 * deployed persona-defaults decision, layouts saved per person.
 */
@EngineTest
class WorkspaceLayoutApiTest {

    @Autowired
    JdbcClient db;

    /** Layouts of an earlier run on kept test servers. */
    @BeforeEach
    void defaultsForEveryone() {
        db.sql("delete from workspace_layout where username in ('nikhil', 'mukesh')")
                .update();
    }

    @Test
    void nikhilAndMukeshLandOnDifferentDefaultsMadeForTheirPersonas() {
        JsonNode nikhil = workspace("nikhil");
        JsonNode mukesh = workspace("mukesh");

        assertThat(nikhil.at("/persona/id").asText()).isEqualTo("intraday-trader");
        assertThat(nikhil.at("/persona/traits/tradingStyle").asText()).isEqualTo("intraday");
        assertThat(widgets(nikhil).get(0)).isEqualTo("latency");
        assertThat(nikhil.at("/layout/0/settings/p95TargetMs").asInt()).isEqualTo(200);
        assertThat(mukesh.at("/persona/id").asText()).isEqualTo("multi-broker-trader");
        assertThat(widgets(mukesh).get(0)).isEqualTo("broker-connections");
        assertThat(nikhil.get("customised").asBoolean()).isFalse();
        assertThat(nikhil.get("defaultsVersion").asText()).startsWith("persona-defaults:");
        assertThat(texts(nikhil.get("alertChannels"))).containsExactly("email", "sms");
        assertThat(nikhil.get("layout"))
                .anySatisfy(entry -> assertThat(entry.get("widget").asText()
                                + entry.get("pinned").asBoolean())
                        .isEqualTo("login-healthtrue"));
    }

    @Test
    void aSavedLayoutStaysUntilDefaultsAreRestored() {
        String layout = """
                {"layout": [
                  {"widget": "login-health", "size": "M", "settings": {"failedLoginsWarn": 5}},
                  {"widget": "alerts", "size": "L", "settings": {"window": "P7D"}},
                  {"widget": "onboarding", "size": "S", "settings": {}}
                ]}""";

        JsonNode saved = put("nikhil", layout);

        assertThat(saved.get("customised").asBoolean()).isTrue();
        JsonNode again = workspace("nikhil");
        assertThat(widgets(again)).containsExactly("login-health", "alerts", "onboarding");
        assertThat(again.at("/layout/0/settings/failedLoginsWarn").asInt()).isEqualTo(5);
        assertThat(again.at("/layout/0/pinned").asBoolean()).isTrue();
        assertThat(Api.get("/api/audit?action=workspace.layout-saved&size=5", token("nikhil"))
                        .body())
                .contains("workspace/nikhil");

        JsonNode restored = Api.send("/api/workspace/layout", token("nikhil"), HttpRequest.Builder::DELETE)
                .json();
        assertThat(restored.get("customised").asBoolean()).isFalse();
        assertThat(widgets(restored).get(0)).isEqualTo("latency");
    }

    @Test
    void aBadLayoutIsRefusedNamingTheFieldAndNothingIsSaved() {
        Api.Response unknown = send("nikhil", """
                {"layout": [{"widget": "login-health", "size": "S", "settings": {}},
                            {"widget": "weather", "size": "S", "settings": {}}]}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"layout[1].widget\"");
        Api.Response badSize = send("nikhil", """
                {"layout": [{"widget": "login-health", "size": "XL", "settings": {}}]}""");
        assertThat(badSize.body()).contains("\"field\":\"layout[0].size\"");
        Api.Response withoutPinned = send("nikhil", """
                {"layout": [{"widget": "audit", "size": "S", "settings": {}}]}""");
        assertThat(withoutPinned.status()).isEqualTo(400);
        assertThat(withoutPinned.body()).contains("ops pinned it");

        assertThat(workspace("nikhil").get("customised").asBoolean()).isFalse();
    }

    @Test
    void whoCustomisedIsToldOfADefaultWidgetAddedSince() {
        put("mukesh", """
                {"layout": [{"widget": "login-health", "size": "S", "settings": {}}]}""");
        // As if the defaults had no audit widget when mukesh saved: ops added it since.
        db.sql("update workspace_layout set default_widgets = '[\"login-health\"]' where username = 'mukesh'")
                .update();

        JsonNode mukesh = workspace("mukesh");

        assertThat(widgets(mukesh)).containsExactly("login-health");
        assertThat(texts(mukesh.get("newDefaultWidgets"))).contains("audit", "broker-connections");
    }

    @Test
    void everyWidgetALayoutMayHoldHasItsDataEndpoint() {
        for (String widget : WidgetCatalogue.widgets()) {
            assertThat(Api.get("/api/workspace/widgets/" + widget + "?partner=nikhil", token("omar"))
                            .status())
                    .as(widget)
                    .isNotEqualTo(404);
        }
    }

    private static JsonNode workspace(String user) {
        Api.Response response = Api.get("/api/workspace", token(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode put(String user, String body) {
        Api.Response response = send(user, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Api.Response send(String user, String body) {
        return Api.send(
                "/api/workspace/layout",
                token(user),
                request -> request.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<String> widgets(JsonNode workspace) {
        return texts(workspace.get("layout").findValues("widget"));
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
