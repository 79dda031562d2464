package com.partnerworkspace.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a draft changes against the deployed version, element by element: added, removed, and changed with
 * each changed property before and after. Diagram layout (BPMN DI) is left out: moving a shape changes no
 * behaviour. A decision table's rules are compared as rules (each cell by its column's label), a form's
 * components by their ids.
 */
@Component
class ModelDiff {

    private static final Set<String> LAYOUT_NAMESPACES = Set.of(
            "http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC",
            "http://www.omg.org/spec/DD/20100524/DI",
            "https://www.omg.org/spec/DMN/20191111/DMNDI/",
            "http://www.omg.org/spec/DMN/20180521/DI/",
            "http://www.omg.org/spec/DMN/20180521/DC/");

    record Property(
            String name,
            @Schema(nullable = true) String before,
            @Schema(nullable = true) String after) {}

    record Change(
            String id,

            @Schema(description = "The element's kind, e.g. userTask, sequenceFlow, rule, textfield")
            String kind,

            @Schema(nullable = true) String name,
            List<Property> properties) {}

    record Diff(
            String key,
            ModelType type,

            @Schema(nullable = true, description = "The deployed version compared against; null for a new model")
            Integer againstVersion,

            List<Change> added,
            List<Change> removed,
            List<Change> changed) {}

    /** One element's kind, name and behaviour-relevant properties. */
    private record Part(String kind, String name, Map<String, String> properties) {}

    private final ModelCatalogue catalogue;
    private final ObjectMapper json;

    ModelDiff(ModelCatalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    Diff againstDeployed(Draft draft) {
        Integer version = catalogue.latestVersion(draft.key()).orElse(null);
        String deployed =
                version == null ? null : catalogue.content(draft.key(), version).text();
        Map<String, Part> before = deployed == null ? Map.of() : parts(draft.type(), deployed);
        Map<String, Part> after = parts(draft.type(), draft.content());
        return compare(draft, version, before, after);
    }

    /** "2 added, 1 removed, 3 changed against version 4": what the audit trail keeps of a change. */
    String summary(Draft draft) {
        Diff diff = againstDeployed(draft);
        return diff.added().size() + " added, " + diff.removed().size() + " removed, "
                + diff.changed().size() + " changed against "
                + (diff.againstVersion() == null ? "nothing deployed" : "version " + diff.againstVersion());
    }

    private static Diff compare(Draft draft, Integer version, Map<String, Part> before, Map<String, Part> after) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.forEach((id, part) -> {
            Part old = before.get(id);
            if (old == null) {
                added.add(new Change(id, part.kind(), part.name(), properties(Map.of(), part.properties())));
            } else if (!old.properties().equals(part.properties())) {
                changed.add(new Change(id, part.kind(), part.name(), properties(old.properties(), part.properties())));
            }
        });
        before.forEach((id, part) -> {
            if (!after.containsKey(id)) {
                removed.add(new Change(id, part.kind(), part.name(), properties(part.properties(), Map.of())));
            }
        });
        return new Diff(draft.key(), draft.type(), version, added, removed, changed);
    }

    private static List<Property> properties(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream()
                .filter(name -> !Objects.equals(before.get(name), after.get(name)))
                .map(name -> new Property(name, before.get(name), after.get(name)))
                .toList();
    }

    private Map<String, Part> parts(ModelType type, String content) {
        return type == ModelType.form ? formParts(content) : xmlParts(content);
    }

    private static Map<String, Part> xmlParts(String content) {
        Element root = parse(content).getDocumentElement();
        Map<String, Part> parts = new LinkedHashMap<>();
        collect(root, parts);
        return parts;
    }

    private static void collect(Element element, Map<String, Part> parts) {
        if (isLayout(element)) {
            return;
        }
        boolean rule = "rule".equals(element.getLocalName());
        if (element.hasAttribute("id")) {
            Map<String, String> properties = new LinkedHashMap<>();
            describe(element, "", properties, rule);
            if (rule) {
                properties = cellsByColumn(element, properties);
            }
            parts.put(
                    element.getAttribute("id"),
                    new Part(
                            element.getLocalName(),
                            element.hasAttribute("name") ? element.getAttribute("name") : null,
                            properties));
        }
        if (rule) {
            return; // its cells belong to the rule
        }
        for (Element child : children(element)) {
            collect(child, parts);
        }
    }

    /** The element's attributes and, for children that are not elements of their own (no id), their content. */
    private static void describe(Element element, String path, Map<String, String> properties, boolean withIds) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if (!name.equals("id") && !name.startsWith("xmlns")) {
                properties.put(path + name, attribute.getValue());
            }
        }
        List<Element> children = children(element);
        if (children.isEmpty() && !path.isEmpty()) {
            properties.put(
                    path.substring(0, path.length() - 1),
                    element.getTextContent().strip());
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Element child : children) {
            if ((child.hasAttribute("id") && !withIds) || isLayout(child)) {
                continue;
            }
            int n = seen.merge(child.getLocalName(), 1, Integer::sum);
            describe(child, path + child.getLocalName() + (n > 1 ? "[" + n + "]" : "") + "/", properties, withIds);
        }
    }

    /** A rule's cells named by their column's label ("Severity", "Channels") rather than by position. */
    private static Map<String, String> cellsByColumn(Element rule, Map<String, String> described) {
        Element table = (Element) rule.getParentNode();
        List<String> inputs = labels(table, "input");
        List<String> outputs = labels(table, "output");
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("description", described.getOrDefault("description", ""));
        int in = 0;
        int out = 0;
        for (Element cell : children(rule)) {
            String text = cell.getTextContent().strip();
            if ("inputEntry".equals(cell.getLocalName()) && in < inputs.size()) {
                cells.put(inputs.get(in++), text.isEmpty() ? "-" : text);
            } else if ("outputEntry".equals(cell.getLocalName()) && out < outputs.size()) {
                cells.put(outputs.get(out++), text);
            }
        }
        return cells;
    }

    private static List<String> labels(Element table, String column) {
        List<String> labels = new ArrayList<>();
        for (Element child : children(table)) {
            if (column.equals(child.getLocalName())) {
                String label = child.getAttribute("label");
                labels.add(label.isEmpty() ? child.getAttribute("id") : label);
            }
        }
        return labels;
    }

    private Map<String, Part> formParts(String content) {
        Map<String, Part> parts = new LinkedHashMap<>();
        try {
            collectComponents(json.readTree(content).path("components"), parts);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable form", e);
        }
        return parts;
    }

    private static void collectComponents(JsonNode components, Map<String, Part> parts) {
        for (JsonNode component : components) {
            Map<String, String> properties = new LinkedHashMap<>();
            component.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("id") && !field.getKey().equals("components")) {
                    properties.put(
                            field.getKey(),
                            field.getValue().isTextual()
                                    ? field.getValue().asText()
                                    : field.getValue().toString());
                }
            });
            String id = component.path("id").asText(component.path("key").asText(""));
            parts.put(
                    id,
                    new Part(
                            component.path("type").asText(),
                            component.path("label").asText(null),
                            properties));
            collectComponents(component.path("components"), parts);
        }
    }

    private static boolean isLayout(Element element) {
        return element.getNamespaceURI() != null && LAYOUT_NAMESPACES.contains(element.getNamespaceURI());
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) nodes.item(i));
            }
        }
        return children;
    }

    private static org.w3c.dom.Document parse(String content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable model XML", e);
        }
    }
}
