package com.partnerworkspace.workspace;

import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one-question survey and the seed's metrics through the API, with real tokens. */
@EngineTest
class SurveyApiTest {

    @Autowired
    JdbcClient db;

    /** Raja's answers of an earlier run on kept test servers would make this week's prompt answered. */
    @BeforeEach
    void noAnswerYet() {
        db.sql("delete from survey_response where username = 'raja'").update();
    }

    @Test
    void aPartnerIsAskedOnceAWeekAndTheAnswerIsAudited() {
        assertThat(Api.get("/api/survey?trigger=rotation", token("raja"))
                        .json()
                        .get("ask")
                        .asBoolean())
                .isTrue();

        Api.Response outOfRange = post("/api/survey", token("raja"), Map.of("trigger", "rotation", "score", 6));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("\"field\":\"score\"");
        Api.Response answered =
                post("/api/survey", token("raja"), Map.of("trigger", "rotation", "score", 4, "comment", "Smooth"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().get("score").asInt()).isEqualTo(4);

        assertThat(Api.get("/api/survey?trigger=reveal", token("raja"))
                        .json()
                        .get("ask")
                        .asBoolean())
                .isFalse();
        Api.Response again = post("/api/survey", token("raja"), Map.of("trigger", "reveal", "score", 5));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("survey-answered-recently");
        assertThat(Api.get("/api/audit?action=survey.answered&size=5", token("raja"))
                        .body())
                .contains("\"score\":4");
    }

    @Test
    void opsSeeTheSeedMetricsAndNobodyElse() {
        post("/api/survey", token("raja"), Map.of("trigger", "reveal", "score", 3));

        Api.Response metrics = Api.get("/api/metrics/seed", token("omar"));

        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        JsonNode body = metrics.json();
        assertThat(body.get("approvalsPerMonth")).hasSize(12);
        assertThat(body.at("/satisfaction/answers").asInt()).isPositive();
        assertThat(body.get("onboarding").isArray()).isTrue();
        assertThat(Api.get("/api/metrics/seed", token("raja")).status()).isEqualTo(403);
    }
}
