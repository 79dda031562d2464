package com.partnerworkspace.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.system.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a form-js schema lets through, checked as form-js itself checks it in the browser. */
class TaskFormSchemaTest {

    private static final TaskFormSchema EVERY_CHECK = schema("""
            {"id": "every-check", "type": "default", "components": [
              {"key": "amount", "type": "number", "validate": {"required": true, "min": 1, "max": 10}},
              {"key": "code", "type": "textfield", "validate": {"minLength": 2, "maxLength": 4, "pattern": "^[A-Z]+$"}},
              {"key": "email", "type": "textfield", "validate": {"validationType": "email"}},
              {"key": "agree", "type": "checkbox", "validate": {"required": true}},
              {"key": "size", "type": "select", "values": [{"label": "S", "value": "s"}, {"label": "M", "value": "m"}]},
              {"type": "group", "components": [{"key": "note", "type": "textarea"}]},
              {"type": "text", "text": "Not a field"}
            ]}
            """);

    private static final Map<String, Object> VALID =
            Map.of("amount", 5, "code", "AB", "email", "a@b.example", "agree", true, "size", "m", "note", "hi");

    @Test
    void acceptsValuesWithinEveryCheckAndFindsFieldsInGroups() {
        assertThat(EVERY_CHECK.errorsIn(VALID)).isEmpty();
        assertThat(EVERY_CHECK.keys()).containsExactly("amount", "code", "email", "agree", "size", "note");
    }

    @Test
    void namesEachFieldThatBreaksACheck() {
        assertThat(EVERY_CHECK.errorsIn(with("amount", 11))).containsEntry("amount", "must be at most 10");
        assertThat(EVERY_CHECK.errorsIn(with("amount", 0))).containsEntry("amount", "must be at least 1");
        assertThat(EVERY_CHECK.errorsIn(with("amount", "5"))).containsEntry("amount", "must be a number");
        assertThat(EVERY_CHECK.errorsIn(with("amount", null))).containsEntry("amount", "is required");
        assertThat(EVERY_CHECK.errorsIn(with("code", "A"))).containsEntry("code", "must be at least 2 characters");
        assertThat(EVERY_CHECK.errorsIn(with("code", "ABCDE"))).containsEntry("code", "must be at most 4 characters");
        assertThat(EVERY_CHECK.errorsIn(with("code", "ab"))).containsEntry("code", "must match the pattern ^[A-Z]+$");
        assertThat(EVERY_CHECK.errorsIn(with("email", "nobody"))).containsEntry("email", "must be an email address");
        assertThat(EVERY_CHECK.errorsIn(with("agree", false))).containsEntry("agree", "is required");
        assertThat(EVERY_CHECK.errorsIn(with("agree", "yes"))).containsEntry("agree", "must be true or false");
        assertThat(EVERY_CHECK.errorsIn(with("size", "xl"))).containsEntry("size", "must be one of s, m");
        assertThat(EVERY_CHECK.errorsIn(with("note", 3))).containsEntry("note", "must be text");
        assertThat(EVERY_CHECK.errorsIn(with("extra", "x"))).containsEntry("extra", "is not a field of this form");
    }

    @Test
    void aRefusalIsA400NamingTheFields() {
        assertThatThrownBy(() -> EVERY_CHECK.requireValid(with("size", "xl")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.getStatusCode().value()).isEqualTo(400);
                    assertThat(refusal.fieldErrors()).containsOnlyKeys("size");
                });
    }

    /** The forms deployed with the processes read as the server reads them. */
    @Test
    void theDeployedFormsHoldTheFieldsTheirTasksHadBefore() throws IOException {
        assertThat(deployed("approve-delegation").keys()).containsExactly("approved", "comment");
        assertThat(deployed("confirm-with-mfa").keys()).isEmpty();
        assertThat(deployed("handle-alert").keys()).containsExactly("reason");
        assertThat(deployed("fix-connection").keys()).containsExactly("decision");
        assertThat(deployed("fix-connection").errorsIn(Map.of("decision", "retry")))
                .isEmpty();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> values = new java.util.HashMap<>(VALID);
        values.put(key, value);
        return values;
    }

    private static TaskFormSchema schema(String json) {
        return TaskFormSchema.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static TaskFormSchema deployed(String id) throws IOException {
        for (Path folder : List.of(Path.of("../processes"), Path.of("processes"))) {
            Path form = folder.resolve(id + ".form");
            if (Files.exists(form)) {
                try (InputStream content = Files.newInputStream(form)) {
                    return TaskFormSchema.read(content);
                }
            }
        }
        try (InputStream content = TaskFormSchemaTest.class.getResourceAsStream("/processes/" + id + ".form")) {
            assertThat(content).as("processes/%s.form", id).isNotNull();
            return TaskFormSchema.read(content);
        }
    }
}
