package com.partnerworkspace.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A decision's test cases: kept beside each DMN in {@code processes/} as {@code <key>.dmn.tests.json}
 * ({@code {"cases": [{"name", "inputs": {...}, "expected": {...}}]}}), run against a decision before it is
 * deployed; a failing case blocks the deploy. {@code expected} as an object names the outputs the first
 * result must have; as an array, results the decision must include (for COLLECT and RULE ORDER tables).
 */
@Component
class DecisionTestCases {

    private final DmnEngine dmn;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    DecisionTestCases(ProcessEngine engine, ObjectMapper json, JdbcTemplate jdbc) {
        this.dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
        this.json = json;
        this.jdbc = jdbc;
    }

    /**
     * The test cases a change to this decision must pass: those deployed with its newest browser version
     * that brought its own, else those kept with the release; null when it has none.
     */
    String current(String key) {
        List<String> deployed = jdbc.queryForList(
                "select tests from model_draft where model_key = ? and status = 'deployed' and tests is not null"
                        + " order by deployed_version desc",
                String.class,
                key);
        return deployed.isEmpty() ? released(key) : deployed.get(0);
    }

    /** The test cases kept with the release for this decision, or null when it has none. */
    String released(String key) {
        ClassPathResource file = new ClassPathResource("processes/" + key + ".dmn.tests.json");
        if (!file.exists()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable test cases of " + key, e);
        }
    }

    /** Each failing case as a problem on the decision; none when all pass (or there are none). */
    List<ModelProblem> run(String key, DmnDecision decision, String tests) {
        String cases = tests != null ? tests : current(key);
        if (cases == null) {
            return List.of();
        }
        JsonNode root;
        try {
            root = json.readTree(cases);
        } catch (IOException e) {
            return List.of(ModelProblem.of(key, "decision-test", "The test cases are not valid JSON."));
        }
        List<ModelProblem> failures = new ArrayList<>();
        for (JsonNode testCase : root.path("cases")) {
            String failure = failureOf(decision, testCase);
            if (failure != null) {
                failures.add(ModelProblem.of(
                        key,
                        "decision-test",
                        "Test case \"" + testCase.path("name").asText() + "\": " + failure));
            }
        }
        return failures;
    }

    private String failureOf(DmnDecision decision, JsonNode testCase) {
        DmnDecisionResult result;
        try {
            result = dmn.evaluateDecision(decision, variables(testCase.path("inputs")));
        } catch (RuntimeException e) {
            return "the decision failed: " + e.getMessage();
        }
        JsonNode expected = testCase.path("expected");
        if (expected.isArray()) {
            for (JsonNode item : expected) {
                if (result.getResultList().stream().noneMatch(actual -> matches(item, actual))) {
                    return "no result " + item + " among " + result.getResultList() + ".";
                }
            }
            return null;
        }
        if (result.isEmpty()) {
            return "no rule matched; expected " + expected + ".";
        }
        Map<String, Object> first = result.getFirstResult().getEntryMap();
        return matches(expected, first) ? null : "expected " + expected + " but got " + first + ".";
    }

    private boolean matches(JsonNode expected, Map<String, Object> actual) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            Object want = json.convertValue(output.getValue(), Object.class);
            Object got = actual.get(output.getKey());
            if (!sameValue(want, got)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object want, Object got) {
        if (want instanceof Number w && got instanceof Number g) {
            return w.doubleValue() == g.doubleValue();
        }
        return Objects.equals(want, got);
    }

    private Map<String, Object> variables(JsonNode inputs) {
        Map<String, Object> variables = new HashMap<>();
        inputs.fields()
                .forEachRemaining(
                        input -> variables.put(input.getKey(), json.convertValue(input.getValue(), Object.class)));
        return variables;
    }
}
