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

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ManagementService management;

    @org.springframework.beans.factory.annotation.Autowired
    com.partnerworkspace.testsupport.TestClock clock;

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

    /**
     * A failed job's incident (the escalation timer of an alert, its retries run out), listed with its
     * stack trace and retried: the incident closes and the timer waits on as before. Audited.
     */
    @Test
    void opsSeeAFailedJobsIncidentAndRetryIt() {
        Api.Response raised = com.partnerworkspace.credentials.Connections.post(
                "/api/alerts/test", token("omar"), java.util.Map.of("partner", "p-models", "severity", "INFO"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String alertId = raised.json().get("id").asText();
        clock.awaitTimerOf(alertId);
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(alertId)
                .singleResult()
                .getId();
        String job = management
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult()
                .getId();
        management.setJobRetries(job, 0);

        Api.Response listed = Api.get("/api/incidents?process=alert-escalation", token("omar"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode incident = null;
        for (JsonNode each : listed.json()) {
            if (instance.equals(each.get("processInstanceId").asText())) {
                incident = each;
            }
        }
        assertThat(incident).as("the incident of " + instance).isNotNull();
        assertThat(incident.get("type").asText()).isEqualTo("failedJob");
        assertThat(incident.get("retryable").asBoolean()).isTrue();
        String id = incident.get("id").asText();
        assertThat(Api.get("/api/incidents/" + id, token("priya")).status()).isEqualTo(403);

        Api.Response retried = com.partnerworkspace.credentials.Connections.post(
                "/api/incidents/" + id + "/retry", token("omar"), null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(runtime.createIncidentQuery().incidentId(id).count()).isZero();
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries())
                .isEqualTo(1);
        assertThat(Api.get("/api/incidents/" + id, token("omar")).status()).isEqualTo(404);
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
