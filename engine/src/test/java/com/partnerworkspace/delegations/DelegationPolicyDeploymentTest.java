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

/** Ops change the policy by deploying a new version of the table; the next request follows it, no restart. */
@EngineTest
class DelegationPolicyDeploymentTest {

    private static final String MODEL = "processes/delegation-policy.dmn";

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

    private void deploy(String dmn) {
        assertThat(dmn).contains("delegation-policy");
        repository
                .createDeployment()
                .name("policy-change-by-ops")
                .addString("delegation-policy.dmn", dmn)
                .deploy();
    }

    private static String read() throws IOException {
        try (InputStream in =
                DelegationPolicyDeploymentTest.class.getClassLoader().getResourceAsStream(MODEL)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
