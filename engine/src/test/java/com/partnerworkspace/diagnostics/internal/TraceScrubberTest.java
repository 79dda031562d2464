package com.partnerworkspace.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What Playwright keeps in a trace although screenshots are masked, and what is left of it after
 * scrubbing: the actions and page structure stay; typed values, input values in DOM snapshots, headers,
 * cookies, request bodies, OAuth parameters and response bodies other than stylesheets, images and fonts go.
 */
class TraceScrubberTest {

    private static final String PASSWORD = "Sm0ke-s3cret-pass";
    private static final String CLIENT_SECRET = "client-s3cret";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.access";

    @Test
    void typedValuesHeadersBodiesAndSnapshotValuesAreGoneAndTheActionsStay() throws IOException {
        Map<String, byte[]> trace = new LinkedHashMap<>();
        trace.put(
                "trace.trace",
                lines(
                        "{\"type\":\"before\",\"callId\":\"call@1\",\"method\":\"fill\",\"params\":{\"selector\":\"#password\",\"value\":\""
                                + PASSWORD + "\"}}",
                        "{\"type\":\"log\",\"callId\":\"call@1\",\"message\":\"  fill(\\\"" + PASSWORD + "\\\")\"}",
                        "{\"type\":\"frame-snapshot\",\"snapshot\":{\"frameUrl\":\"http://localhost:8080/api/brokers/callback?code=abc&state=xyz\","
                                + "\"html\":[\"HTML\",{},[\"INPUT\",{\"type\":\"password\",\"__playwright_value_\":\""
                                + PASSWORD
                                + "\"}],[\"INPUT\",{\"name\":\"apiSecret\",\"value\":\"" + CLIENT_SECRET + "\"}]]}}"));
        trace.put(
                "trace.network",
                lines(
                        "{\"type\":\"resource-snapshot\",\"snapshot\":{\"request\":{\"url\":\"http://kc/token\",\"method\":\"POST\","
                                + "\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer " + TOKEN + "\"}],"
                                + "\"postData\":{\"mimeType\":\"application/x-www-form-urlencoded\",\"_sha1\":\"post.dat\"}},"
                                + "\"response\":{\"status\":200,\"headers\":[{\"name\":\"Set-Cookie\",\"value\":\"KC=1\"}],"
                                + "\"content\":{\"mimeType\":\"application/json\",\"_sha1\":\"token.json\"}}}}",
                        "{\"type\":\"resource-snapshot\",\"snapshot\":{\"request\":{\"url\":\"http://ui/styles.css\",\"headers\":[]},"
                                + "\"response\":{\"status\":200,\"content\":{\"mimeType\":\"text/css\",\"_sha1\":\"styles.css\"}}}}",
                        "{\"type\":\"resource-snapshot\",\"snapshot\":{\"request\":{\"url\":\"http://ui/leak.png\",\"headers\":[]},"
                                + "\"response\":{\"status\":200,\"content\":{\"mimeType\":\"image/png\",\"_sha1\":\"leak.png\"}}}}"));
        trace.put("resources/post.dat", ("password=" + PASSWORD + "&client_secret=" + CLIENT_SECRET).getBytes());
        trace.put("resources/token.json", ("{\"access_token\":\"" + TOKEN + "\"}").getBytes());
        trace.put("resources/styles.css", "body{color:red}".getBytes());
        trace.put("resources/leak.png", ("\u0089PNG" + PASSWORD).getBytes(StandardCharsets.ISO_8859_1));

        Map<String, byte[]> scrubbed = unzip(TraceScrubber.scrub(zip(trace), List.of(PASSWORD, CLIENT_SECRET)));

        assertThat(scrubbed).containsOnlyKeys("trace.trace", "trace.network", "resources/styles.css");
        String all = new String(scrubbed.get("trace.trace"), StandardCharsets.UTF_8)
                + new String(scrubbed.get("trace.network"), StandardCharsets.UTF_8);
        assertThat(all)
                .doesNotContain(PASSWORD, CLIENT_SECRET, TOKEN, "Authorization", "Set-Cookie", "code=abc", "state=xyz")
                .contains("\"method\":\"fill\"", "\"selector\":\"#password\"", "\"INPUT\"", "[masked]");
    }

    @Test
    void aSecretLeftInABinaryEntryDropsTheEntry() {
        byte[] body = ("x" + PASSWORD).getBytes(StandardCharsets.UTF_8);
        assertThat(TraceScrubber.containsAny(body, TraceScrubber.formsOf(List.of(PASSWORD))))
                .isTrue();
        assertThat(TraceScrubber.formsOf(List.of("a b&c"))).contains("a b&c", "a+b%26c");
    }

    private static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
