package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes a Playwright trace safe to hand out. Playwright keeps what was typed (the {@code value} of fill
 * actions), every request's and response's headers and bodies, and the value of every input in its DOM
 * snapshots, even when screenshots are masked. This keeps the actions, their timings and the page
 * structure, and removes: action values, input values in snapshots, headers, cookies, request bodies,
 * query parameters of the OAuth flow, and response bodies other than stylesheets, images and fonts. Last,
 * every entry is searched for each secret of the run (as typed, URL-encoded and JSON-escaped): a text
 * entry has it replaced, any other entry is left out.
 */
final class TraceScrubber {

    static final String MASK = "[masked]";

    /** Keys whose values are typed input: fill/type parameters, snapshot input values. */
    private static final Set<String> VALUE_KEYS = Set.of("value", "values", "__playwright_value_", "text");

    /** Parts of a HAR-like network entry that carry credentials. */
    private static final Set<String> NETWORK_KEYS = Set.of("headers", "cookies", "postData", "queryString");

    private static final Pattern OAUTH_PARAMETERS = Pattern.compile(
            "([?&#](?:code|state|session_state|session_code|execution|tab_id|client_data|nonce|code_challenge|"
                    + "code_verifier|access_token|id_token|refresh_token|client_secret|password|otp)=)[^&\"\\s#\\\\]*");

    private static final List<String> KEPT_RESOURCE_TYPES = List.of("text/css", "image/", "font/");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceScrubber() {}

    /** The scrubbed copy of a trace zip. */
    static byte[] scrub(byte[] traceZip, List<String> secrets) {
        Map<String, byte[]> entries = read(traceZip);
        Set<String> keptResources = new HashSet<>();
        Map<String, byte[]> scrubbed = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith(".network")) {
                scrubbed.put(name, scrubLines(entry.getValue(), node -> scrubNetwork(node, keptResources)));
            } else if (name.endsWith(".trace")) {
                scrubbed.put(name, scrubLines(entry.getValue(), TraceScrubber::scrubTraceEvent));
            } else if (!name.startsWith("resources/")) {
                scrubbed.put(name, entry.getValue());
            }
        }
        entries.forEach((name, body) -> {
            if (name.startsWith("resources/") && keptResources.contains(name.substring("resources/".length()))) {
                scrubbed.put(name, body);
            }
        });
        return write(withoutSecrets(scrubbed, secrets));
    }

    /** Every form a secret may take in a trace. */
    static List<String> formsOf(List<String> secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < 4) {
                continue;
            }
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            String json = JSON.valueToTree(secret).toString();
            forms.add(json.substring(1, json.length() - 1));
        }
        return forms.stream().distinct().toList();
    }

    private static Map<String, byte[]> withoutSecrets(Map<String, byte[]> entries, List<String> secrets) {
        List<String> forms = formsOf(secrets);
        Map<String, byte[]> clean = new LinkedHashMap<>();
        entries.forEach((name, body) -> {
            boolean text = !name.startsWith("resources/") || name.endsWith(".css");
            byte[] result = body;
            if (text) {
                String content = new String(body, StandardCharsets.UTF_8);
                for (String form : forms) {
                    content = content.replace(form, MASK);
                }
                result = content.getBytes(StandardCharsets.UTF_8);
            }
            if (!containsAny(result, forms)) {
                clean.put(name, result);
            }
        });
        return clean;
    }

    static boolean containsAny(byte[] body, List<String> forms) {
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        for (String form : forms) {
            if (latin.contains(new String(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    private static void scrubTraceEvent(JsonNode event) {
        maskValues(event);
    }

    /** Masks typed values anywhere in the event, and the OAuth parameters of every URL. */
    private static void maskValues(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> masked = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (VALUE_KEYS.contains(field.getKey()) && !field.getValue().isContainerNode()) {
                    masked.add(field.getKey());
                } else {
                    maskValues(field.getValue());
                }
            }
            masked.forEach(key -> object.put(key, MASK));
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(
                            new TextNode(withoutOAuthParameters(field.getValue().asText())));
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, new TextNode(withoutOAuthParameters(item.asText())));
                } else {
                    maskValues(item);
                }
            }
        }
    }

    private static void scrubNetwork(JsonNode event, Set<String> keptResources) {
        JsonNode snapshot = event.path("snapshot");
        for (String part : List.of("request", "response")) {
            if (snapshot.path(part) instanceof ObjectNode message) {
                message.remove(NETWORK_KEYS);
                if (message.path("url").isTextual()) {
                    message.put("url", withoutOAuthParameters(message.get("url").asText()));
                }
                if (message.path("redirectURL").isTextual()) {
                    message.put(
                            "redirectURL",
                            withoutOAuthParameters(message.get("redirectURL").asText()));
                }
                if (message.path("content") instanceof ObjectNode content) {
                    String type = content.path("mimeType").asText("");
                    String sha1 = content.path("_sha1").asText(null);
                    boolean kept = KEPT_RESOURCE_TYPES.stream().anyMatch(type::startsWith);
                    if (sha1 != null && kept) {
                        keptResources.add(sha1);
                    } else {
                        content.remove(List.of("_sha1", "text"));
                    }
                }
            }
        }
        maskValues(event);
    }

    static String withoutOAuthParameters(String text) {
        return OAUTH_PARAMETERS.matcher(text).replaceAll("$1" + MASK);
    }

    private interface EventScrub {
        void scrub(JsonNode event);
    }

    private static byte[] scrubLines(byte[] body, EventScrub scrub) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode event = JSON.readTree(line);
                scrub.scrub(event);
                out.append(JSON.writeValueAsString(event)).append('\n');
            } catch (IOException e) {
                // A line that is not JSON cannot be scrubbed: it is left out.
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
