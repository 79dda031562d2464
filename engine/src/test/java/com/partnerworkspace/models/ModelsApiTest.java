package com.partnerworkspace.models;

import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import org.junit.jupiter.api.Test;

/** The Models page's API over what the engine really deployed from {@code processes/}. */
@EngineTest
class ModelsApiTest {

    @Test
    void opsSeeEveryProcessAndDecisionWithVersionsInstancesAndIncidents() {
        Api.Response models = Api.get("/api/models", token("omar"));

        assertThat(models.status()).as(models.body()).isEqualTo(200);
        JsonNode approval = byKey(models.json(), "delegation-approval");
        assertThat(approval.get("type").asText()).isEqualTo("bpmn");
        assertThat(approval.get("latestVersion").asInt()).isPositive();
        assertThat(approval.has("runningInstances")).isTrue();
        assertThat(approval.has("incidents")).isTrue();
        assertThat(byKey(models.json(), "alert-routing").get("type").asText()).isEqualTo("dmn");
    }

    @Test
    void aModelsVersionsAndTheContentOfOne() {
        Api.Response versions = Api.get("/api/models/alert-routing/versions", token("omar"));
        assertThat(versions.status()).as(versions.body()).isEqualTo(200);
        JsonNode newest = versions.json().get(0);
        assertThat(newest.get("source").asText()).isEqualTo("release");
        assertThat(newest.get("deployedAt").asText()).isNotBlank();

        Api.Response content = Api.get(
                "/api/models/alert-routing/versions/" + newest.get("version").asInt(), token("omar"));
        assertThat(content.status()).as(content.body()).isEqualTo(200);
        assertThat(content.body()).contains("<decision id=\"alert-routing\"");
    }

    @Test
    void onlyOpsSeeModelsAndAnUnknownOneIsNotFound() {
        assertThat(Api.get("/api/models", token("priya")).status()).isEqualTo(403);
        assertThat(Api.get("/api/models", token("nikhil")).status()).isEqualTo(403);
        Api.Response unknown = Api.get("/api/models/no-such-model/versions", token("omar"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).endsWith("/model-not-found");
        assertThat(Api.get("/api/models/alert-routing/versions/99999", token("omar"))
                        .status())
                .isEqualTo(404);
    }

    private static JsonNode byKey(JsonNode models, String key) {
        for (JsonNode model : models) {
            if (model.get("key").asText().equals(key)) {
                return model;
            }
        }
        throw new AssertionError("no model " + key + " in " + models);
    }
}
