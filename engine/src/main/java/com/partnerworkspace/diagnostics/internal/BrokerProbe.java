package com.partnerworkspace.diagnostics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The doctor's own calls to a broker: short timeouts, no redirects followed, bodies never logged. It reads
 * OAuth 2 brokers' discovery documents (cached per issuer) to find their endpoints.
 */
@Component
class BrokerProbe {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<URI, JsonNode> discovery = new ConcurrentHashMap<>();

    /** One call; the answer, or the exception that says why there was none. */
    Answer send(HttpRequest.Builder request) throws IOException {
        HttpRequest built = request.timeout(CALL_TIMEOUT).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            long finished = System.nanoTime();
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Date"),
                    Duration.ofNanos(finished - started),
                    response.sslSession().map(session -> session.getProtocol()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    Answer get(URI target) throws IOException {
        return send(HttpRequest.newBuilder(target).GET());
    }

    /** The OAuth 2 endpoint {@code name} (e.g. {@code token_endpoint}) from the broker's discovery document. */
    Optional<URI> endpoint(Broker broker, String name) throws IOException {
        JsonNode document = discovery.get(broker.apiUrl());
        if (document == null) {
            Answer answer = get(discoveryUrl(broker));
            if (answer.status() != 200) {
                throw new IOException(
                        "no discovery document at " + discoveryUrl(broker) + " (" + answer.status() + ")");
            }
            document = json.readTree(answer.body());
            discovery.put(broker.apiUrl(), document);
        }
        String endpoint = document.path(name).asText(null);
        return Optional.ofNullable(endpoint).map(URI::create);
    }

    static URI discoveryUrl(Broker broker) {
        return URI.create(broker.apiUrl() + "/.well-known/openid-configuration");
    }

    /** A client-credentials grant with HTTP Basic client authentication (RFC 6749 §2.3.1, §4.4). */
    Answer clientCredentials(URI tokenEndpoint, Keys keys) throws IOException {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (encode(keys.apiKey()) + ":" + encode(keys.apiSecret())).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    JsonNode json(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * A broker's answer.
     *
     * @param date the {@code Date} header, if the broker sent one
     * @param tls the TLS protocol of the connection (e.g. {@code TLSv1.3}), empty over plain HTTP
     */
    record Answer(int status, String body, Optional<String> date, Duration latency, Optional<String> tls) {
        @Override
        public String toString() {
            return "Answer[" + status + ", " + latency.toMillis() + " ms]";
        }
    }
}
