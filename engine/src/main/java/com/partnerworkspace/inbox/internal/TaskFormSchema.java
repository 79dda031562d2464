package com.partnerworkspace.inbox.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A task's form-js schema (a {@code .form} of {@code processes/}, bound with {@code camunda:formRef}) and
 * the checks it states, applied on the server before a task completes: only its fields, each of its type,
 * required, one of its options, within its min/max and length, matching its pattern. What the form cannot
 * state (e.g. "a comment when rejecting") stays with the task's own {@link com.partnerworkspace.inbox.TaskForm}.
 */
final class TaskFormSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** form-js components that hold no value of their own. */
    private static final Set<String> NOT_FIELDS =
            Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table", "group", "dynamiclist");

    private static final Set<String> TEXT_FIELDS = Set.of("textfield", "textarea", "datetime");
    private static final Set<String> CHOICE_FIELDS = Set.of("radio", "select");
    private static final Set<String> LIST_FIELDS = Set.of("checklist", "taglist");

    /** form-js's own check for its "email" validation type. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private final JsonNode schema;
    private final Map<String, JsonNode> fieldsByKey;

    private TaskFormSchema(JsonNode schema) {
        this.schema = schema;
        this.fieldsByKey = new LinkedHashMap<>();
        collectFields(schema.path("components"));
    }

    static TaskFormSchema read(InputStream content) {
        try (content) {
            return new TaskFormSchema(JSON.readTree(content));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable task form", e);
        }
    }

    /** The form-js schema as deployed, for the viewer. */
    Map<String, Object> json() {
        return JSON.convertValue(schema, new TypeReference<Map<String, Object>>() {});
    }

    /** The keys of the form's fields, in the form's order. */
    Set<String> keys() {
        return fieldsByKey.keySet();
    }

    /** @throws Refusal 400 naming each submitted field the form does not accept */
    void requireValid(Map<String, Object> submitted) {
        Map<String, String> errors = errorsIn(submitted);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    /** What is wrong with the submission, by field name; empty when the form accepts it. */
    Map<String, String> errorsIn(Map<String, Object> submitted) {
        Map<String, String> errors = new LinkedHashMap<>();
        submitted.keySet().stream()
                .filter(name -> !fieldsByKey.containsKey(name))
                .sorted()
                .forEach(name -> errors.put(name, "is not a field of this form"));
        fieldsByKey.forEach((key, field) -> {
            String error = errorOf(field, submitted.get(key));
            if (error != null) {
                errors.put(key, error);
            }
        });
        return errors;
    }

    private void collectFields(JsonNode components) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (component.has("components")) {
                collectFields(component.path("components"));
            }
            if (!NOT_FIELDS.contains(type) && component.hasNonNull("key")) {
                fieldsByKey.put(component.get("key").asText(), component);
            }
        }
    }

    private static String errorOf(JsonNode field, Object value) {
        String type = field.path("type").asText();
        JsonNode validate = field.path("validate");
        boolean required = validate.path("required").asBoolean(false);
        if (isEmpty(value)) {
            return required ? "is required" : null;
        }
        if (type.equals("checkbox")) {
            if (!(value instanceof Boolean checked)) {
                return "must be true or false";
            }
            return required && !checked ? "is required" : null;
        }
        if (type.equals("number")) {
            return value instanceof Number number ? numberError(validate, number.doubleValue()) : "must be a number";
        }
        if (LIST_FIELDS.contains(type)) {
            return value instanceof List<?> ? null : "must be a list";
        }
        if (CHOICE_FIELDS.contains(type) && field.has("values")) {
            return choiceError(field.path("values"), value);
        }
        if (TEXT_FIELDS.contains(type) || CHOICE_FIELDS.contains(type)) {
            return value instanceof String text ? textError(validate, text) : "must be text";
        }
        return null;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isEmpty());
    }

    private static String numberError(JsonNode validate, double number) {
        if (validate.hasNonNull("min") && number < validate.get("min").asDouble()) {
            return "must be at least " + validate.get("min").asText();
        }
        if (validate.hasNonNull("max") && number > validate.get("max").asDouble()) {
            return "must be at most " + validate.get("max").asText();
        }
        return null;
    }

    private static String textError(JsonNode validate, String text) {
        if (validate.hasNonNull("minLength")
                && text.length() < validate.get("minLength").asInt()) {
            return "must be at least " + validate.get("minLength").asInt() + " characters";
        }
        if (validate.hasNonNull("maxLength")
                && text.length() > validate.get("maxLength").asInt()) {
            return "must be at most " + validate.get("maxLength").asInt() + " characters";
        }
        if (validate.hasNonNull("pattern") && !matches(validate.get("pattern").asText(), text)) {
            return "must match the pattern " + validate.get("pattern").asText();
        }
        if ("email".equals(validate.path("validationType").asText())
                && !EMAIL.matcher(text).matches()) {
            return "must be an email address";
        }
        return null;
    }

    /** As form-js tests it: anywhere in the text, unless the pattern anchors itself. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String choiceError(JsonNode options, Object value) {
        List<Object> allowed = new ArrayList<>();
        for (JsonNode option : options) {
            allowed.add(JSON.convertValue(option.get("value"), Object.class));
        }
        if (allowed.contains(value)) {
            return null;
        }
        return "must be one of " + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
