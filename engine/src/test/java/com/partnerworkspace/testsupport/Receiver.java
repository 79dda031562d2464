package com.partnerworkspace.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local receiver that stands in for Slack and the SMS gateway ({@code engine/receiver/LocalReceiver.java},
 * the same one {@code ./workspace up} runs): one process per run, started through the launcher, shared by
 * every test. Tests read what it recorded and tell it to fail.
 */
public final class Receiver {

    static final int PORT = Integer.parseInt(RealServers.env("RECEIVER_PORT", "8026"));
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    /** One recorded call: Slack's JSON body, or the SMS gateway's form fields (To, From, Body). */
    public record Call(String channel, String path, int status, String account, String body, JsonNode form) {

        public String smsTo() {
            return form.path("To").asText();
        }

        public String smsBody() {
            return form.path("Body").asText();
        }
    }

    private Receiver() {}

    public static String baseUrl() {
        RealServers.receiver();
        return "http://127.0.0.1:" + PORT;
    }

    /** The receiver's {@code host:port}: the one internal target the engine may call in tests. */
    public static String target() {
        return "127.0.0.1:" + PORT;
    }

    /** A Slack incoming webhook URL on the receiver; {@code name} only tells requests apart. */
    public static String slackUrl(String name) {
        return baseUrl() + "/slack/" + name;
    }

    public static List<Call> slack() {
        return calls("slack");
    }

    public static List<Call> sms() {
        return calls("sms");
    }

    public static List<String> slackMessages() {
        return slack().stream()
                .filter(call -> call.status() / 100 == 2)
                .map(Call::body)
                .toList();
    }

    /** The next {@code times} calls on the channel (all, when negative) are answered with {@code status}. */
    public static void fail(String channel, int status, int times) {
        fail(channel, status, times, "");
    }

    /**
     * Fails only the calls to paths starting with {@code path} (e.g. one partner's Slack webhook), so a
     * delivery still running for another test neither fails nor uses up the planned failures.
     */
    public static void fail(String channel, int status, int times, String path) {
        send(
                "POST",
                "/_receiver/fail?channel=" + channel + "&status=" + status + "&times=" + times + "&path="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    public static void ok(String channel) {
        send("POST", "/_receiver/ok?channel=" + channel);
    }

    private static List<Call> calls(String channel) {
        JsonNode list;
        try {
            list = json.readTree(send("GET", "/_receiver/requests?channel=" + channel));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Call> calls = new ArrayList<>();
        for (JsonNode call : list) {
            calls.add(new Call(
                    call.path("channel").asText(),
                    call.path("path").asText(),
                    call.path("status").asInt(),
                    call.path("account").isNull() ? null : call.path("account").asText(),
                    call.path("body").asText(),
                    call.path("form")));
        }
        return calls;
    }

    private static String send(String method, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .timeout(Duration.ofSeconds(10))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("receiver answered " + response.statusCode() + " to " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("receiver unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
