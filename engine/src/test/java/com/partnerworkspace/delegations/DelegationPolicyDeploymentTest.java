package com.partnerworkspace.delegations;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ops change the policy or the scope catalogue by deploying a new version of its table; the next request follows it, no restart. */
@EngineTest
class DelegationPolicyDeploymentTest {

    private static final String MODEL = "processes/delegation-policy.dmn";
    private static final String SCOPES = "processes/delegation-scopes.dmn";

    @Autowired
    RepositoryService repository;

    @Test
    void aNewlyDeployedPolicyTakesEffectWithoutARestart() throws IOException {
        String original = read();
        Map<String, Object> routine = Map.of(
                "delegate", "arjun",
                "scopes", List.of("positions:read"),
                "duration", "PT2H",
                "justification", "Reporting");
        assertThat(Delegations.request("nikhil", routine).status()).isEqualTo(201);

        deploy(original.replace(
                "<outputEntry id=\"Justification_Routine\"><text>0</text></outputEntry>",
                "<outputEntry id=\"Justification_Routine\"><text>40</text></outputEntry>"));
        try {
            var refused = Delegations.request("nikhil", routine);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("justification");
        } finally {
            deploy(original);
        }
        assertThat(Delegations.request("nikhil", routine).status()).isEqualTo(201);
    }

    @Test
    void aNewlyDeployedScopeCatalogueShowsAtOnce() throws IOException {
        String original = read(SCOPES);
        String description = "Read positions (as changed by ops " + java.util.UUID.randomUUID() + ")";
        assertThat(scopesSeenBy("nikhil")).doesNotContain(description);

        String changed = original.replaceFirst(
                "(<outputEntry id=\"Description_PositionsRead\"><text>)\"[^\"]*\"", "$1\"" + description + "\"");
        assertThat(changed).isNotEqualTo(original);
        deployScopes(changed);
        try {
            assertThat(scopesSeenBy("nikhil")).contains(description);
        } finally {
            deployScopes(original);
        }
        assertThat(scopesSeenBy("nikhil")).doesNotContain(description);
    }

    private static String scopesSeenBy(String user) {
        return com.partnerworkspace.testsupport.Api.get("/api/scopes", Delegations.token(user))
                .body();
    }

    private void deployScopes(String dmn) {
        repository
                .createDeployment()
                .name("scope-change-by-ops")
                .addString("delegation-scopes.dmn", dmn)
                .deploy();
    }

    private void deploy(String dmn) {
        assertThat(dmn).contains("delegation-policy");
        repository
                .createDeployment()
                .name("policy-change-by-ops")
                .addString("delegation-policy.dmn", dmn)
                .deploy();
    }

    private static String read() throws IOException {
        return read(MODEL);
    }

    private static String read(String model) throws IOException {
        try (InputStream in =
                DelegationPolicyDeploymentTest.class.getClassLoader().getResourceAsStream(model)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
