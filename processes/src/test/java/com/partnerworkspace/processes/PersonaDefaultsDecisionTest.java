package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launch partners' defaults as the {@code persona-defaults} decision gives them, rows in rule order
 * (the engine keeps a widget's first row and sorts by order; see {@code PersonaDefaults}).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/persona-defaults.dmn", "processes/persona-profile.dmn"})
class PersonaDefaultsDecisionTest {

    @Test
    void nikhilALatencySensitiveIntradayTraderSeesLatencyFirst() {
        List<Map<String, Object>> rows = widgets(partner("intraday", "high", 2, 1, "seasoned"));

        assertThat(rows.get(0))
                .containsEntry("widget", "latency")
                .containsEntry("order", 1)
                .containsEntry("size", "L");
        assertThat(rows.get(0).get("settings")).isEqualTo("window=PT24H;p95TargetMs=200;errorRateTarget=0.005");
        assertThat(rows.get(1)).containsEntry("widget", "broker-connections").containsEntry("settings", "warnHours=2");
        assertThat(firstWidgets(rows)).doesNotContain("onboarding", "approvals", "platform-health");
    }

    @Test
    void mukeshAMultiBrokerSwingTraderSeesHisConnectionsLarge() {
        List<Map<String, Object>> rows = widgets(partner("swing", "medium", 3, 1, "seasoned"));

        assertThat(rows.get(0)).containsEntry("widget", "broker-connections").containsEntry("size", "L");
        assertThat(rows.get(1)).containsEntry("widget", "upcoming-rotations").containsEntry("order", 2);
    }

    @Test
    void rajaATeamLeadSeesDelegationsFirst() {
        List<Map<String, Object>> rows = widgets(partner("positional", "low", 2, 4, "seasoned"));

        assertThat(rows.get(0)).containsEntry("widget", "delegations").containsEntry("size", "L");
        assertThat(firstWidgets(rows).indexOf("latency"))
                .isGreaterThan(firstWidgets(rows).indexOf("alerts"));
    }

    @Test
    void nitinANewcomerWithOneBrokerSeesTheOnboardingChecklist() {
        List<Map<String, Object>> rows = widgets(partner("swing", "medium", 1, 1, "new"));

        assertThat(rows.get(0)).containsEntry("widget", "onboarding").containsEntry("size", "L");
    }

    @Test
    void everyPartnerHasLoginHealthPinnedAndTheOthersFollowTheirRole() {
        assertThat(widgets(partner("swing", "medium", 1, 1, "new")))
                .filteredOn(row -> row.get("widget").equals("login-health"))
                .allSatisfy(row -> assertThat(row).containsEntry("pinned", true));
        assertThat(firstWidgets(widgets(role("approver")))).startsWith("approvals", "audit");
        assertThat(widgets(role("ops")).get(0))
                .containsEntry("widget", "platform-health")
                .containsEntry("pinned", true);
        assertThat(firstWidgets(widgets(role("ops")))).as("the seed's measures").contains("seed-metrics");
        assertThat(firstWidgets(widgets(role("nobody-known")))).containsExactly("audit");
    }

    @Test
    void eachPersonaStartsWithTheAlertChannelsItMustHearOn() {
        assertThat(profile(partner("intraday", "high", 2, 1, "seasoned"))).containsEntry("channels", "email,sms");
        assertThat(profile(partner("swing", "medium", 3, 1, "seasoned"))).containsEntry("channels", "email,slack");
        assertThat(profile(role("ops"))).containsEntry("channels", "email,slack");
        assertThat(profile(role("approver"))).containsEntry("channels", "email");
    }

    @Test
    void eachLaunchPartnerIsNamedForTheirPersona() {
        assertThat(persona(partner("intraday", "high", 2, 1, "seasoned"))).isEqualTo("intraday-trader");
        assertThat(persona(partner("swing", "medium", 3, 1, "seasoned"))).isEqualTo("multi-broker-trader");
        assertThat(persona(partner("positional", "low", 2, 4, "seasoned"))).isEqualTo("team-lead");
        assertThat(persona(partner("swing", "medium", 1, 1, "new"))).isEqualTo("newcomer");
        assertThat(persona(role("approver"))).isEqualTo("approver");
        assertThat(persona(role("bot"))).isEqualTo("standard");
    }

    private static String persona(Map<String, Object> variables) {
        return (String) profile(variables).get("id");
    }

    private static Map<String, Object> profile(Map<String, Object> variables) {
        return decisionService()
                .evaluateDecisionTableByKey("persona-profile")
                .variables(variables)
                .evaluate()
                .getSingleResult()
                .getEntryMap();
    }

    private static Map<String, Object> partner(String style, String latency, int brokers, int team, String experience) {
        Map<String, Object> traits = role("partner");
        traits.put("tradingStyle", style);
        traits.put("latencySensitivity", latency);
        traits.put("brokerCount", brokers);
        traits.put("teamSize", team);
        traits.put("experience", experience);
        return traits;
    }

    private static Map<String, Object> role(String role) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("role", role);
        variables.put("tradingStyle", null);
        variables.put("latencySensitivity", null);
        variables.put("brokerCount", 1);
        variables.put("teamSize", 1);
        variables.put("experience", null);
        return variables;
    }

    private static List<Map<String, Object>> widgets(Map<String, Object> variables) {
        return decisionService()
                .evaluateDecisionTableByKey("persona-defaults")
                .variables(variables)
                .evaluate()
                .getResultList();
    }

    private static List<Object> firstWidgets(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("widget")).distinct().toList();
    }
}
