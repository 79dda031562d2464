package com.partnerworkspace.workspace.internal.layout;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.security.WorkspaceUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * A person's default workspace from the {@code persona-defaults} and {@code persona-profile} decisions
 * (processes/persona-*.dmn) and their persona traits (Keycloak user attributes). Evaluated once per deployed version and set of
 * inputs: each evaluation writes decision history, and the answer only changes when ops deploy a version.
 */
@Component
class PersonaDefaults {

    static final String WIDGETS = "persona-defaults";
    static final String PROFILE = "persona-profile";

    /** Who a person is and what their workspace starts with; {@code version} changes with each deployment. */
    record Defaults(Persona persona, List<LayoutEntry> layout, List<String> alertChannels, String version) {

        Set<String> widgets() {
            Set<String> widgets = new LinkedHashSet<>();
            layout.forEach(entry -> widgets.add(entry.widget()));
            return widgets;
        }

        Set<String> pinned() {
            Set<String> pinned = new LinkedHashSet<>();
            layout.stream().filter(LayoutEntry::pinned).forEach(entry -> pinned.add(entry.widget()));
            return pinned;
        }
    }

    record Persona(String id, String name, Map<String, String> traits) {}

    private record Key(String definitionId, Map<String, Object> inputs) {}

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final KeycloakDirectory directory;
    private final Map<Key, Defaults> evaluated = new ConcurrentHashMap<>();

    PersonaDefaults(DecisionService decisions, RepositoryService repository, KeycloakDirectory directory) {
        this.decisions = decisions;
        this.repository = repository;
        this.directory = directory;
    }

    Defaults of(WorkspaceUser user) {
        return of(roleOf(user), directory.personaOf(user.username()));
    }

    /** A partner's own defaults (the partner's account carries the partner's persona traits). */
    Defaults ofPartner(String partner) {
        return of("partner", directory.personaOf(partner));
    }

    Defaults of(String role, Map<String, String> traits) {
        Map<String, Object> inputs = inputs(role, traits);
        DecisionDefinition widgets = latest(WIDGETS);
        return evaluated.computeIfAbsent(new Key(widgets.getId(), inputs), key -> evaluate(widgets, inputs, traits));
    }

    private Defaults evaluate(DecisionDefinition widgets, Map<String, Object> inputs, Map<String, String> traits) {
        Map<String, Object> profile = decisions
                .evaluateDecisionTableById(latest(PROFILE).getId())
                .variables(inputs)
                .evaluate()
                .getSingleResult()
                .getEntryMap();
        List<LayoutEntry> layout = firstRowPerWidget(decisions
                .evaluateDecisionTableById(widgets.getId())
                .variables(inputs)
                .evaluate()
                .getResultList());
        Persona persona = new Persona((String) profile.get("id"), (String) profile.get("name"), traits);
        String preferred = traits.get("preferredChannels");
        String channels = preferred == null || preferred.isBlank() ? (String) profile.get("channels") : preferred;
        return new Defaults(persona, layout, List.of(channels.split(",")), WIDGETS + ":" + widgets.getVersion());
    }

    /** Rows come in rule order, a persona's before its role's; a widget's first row wins, then by order. */
    private static List<LayoutEntry> firstRowPerWidget(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> first = new LinkedHashMap<>();
        rows.forEach(row -> first.putIfAbsent((String) row.get("widget"), row));
        List<Map<String, Object>> chosen = new ArrayList<>(first.values());
        chosen.sort(Comparator.comparingInt(row -> ((Number) row.get("order")).intValue()));
        return chosen.stream()
                .map(row -> new LayoutEntry(
                        (String) row.get("widget"),
                        (String) row.get("size"),
                        settings((String) row.get("settings")),
                        Boolean.TRUE.equals(row.get("pinned"))))
                .toList();
    }

    /** {@code "window=P7D;warnHours=12"}: numbers as numbers, the rest as text. */
    static Map<String, Object> settings(String text) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return settings;
        }
        for (String pair : text.split(";")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && !nameValue[0].isBlank()) {
                settings.put(nameValue[0].trim(), valueOf(nameValue[1].trim()));
            }
        }
        return settings;
    }

    private static Object valueOf(String text) {
        try {
            return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private DecisionDefinition latest(String key) {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .latestVersion()
                .singleResult();
    }

    /** The role a person's defaults follow: the first of partner, ops, approver, analyst they hold. */
    static String roleOf(WorkspaceUser user) {
        for (String role : List.of("partner", "ops", "approver", "analyst")) {
            if (user.hasRole(role)) {
                return role;
            }
        }
        return "none";
    }

    private static Map<String, Object> inputs(String role, Map<String, String> traits) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("role", role);
        inputs.put("tradingStyle", traits.get("tradingStyle"));
        inputs.put("latencySensitivity", traits.get("latencySensitivity"));
        inputs.put("brokerCount", number(traits.get("brokerCount")));
        inputs.put("teamSize", number(traits.get("teamSize")));
        inputs.put("experience", traits.get("experience"));
        inputs.put("preferredChannels", traits.get("preferredChannels"));
        return inputs;
    }

    private static int number(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
