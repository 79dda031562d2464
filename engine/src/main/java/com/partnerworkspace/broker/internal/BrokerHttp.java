package com.partnerworkspace.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The HTTP client brokers are called with: short timeouts, no redirects followed, and a network failure
 * turned into {@link Failure#BROKER_UNREACHABLE}. Request and response bodies are never logged.
 */
@Component
class BrokerHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper json = new ObjectMapper();

    Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new BrokerException(
                        Failure.BROKER_UNREACHABLE,
                        "The broker answered " + response.statusCode() + " at "
                                + built.uri().getPath());
            }
            return new Answer(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new BrokerException(
                    Failure.BROKER_UNREACHABLE,
                    "The broker could not be reached at " + built.uri().getHost(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(Failure.BROKER_UNREACHABLE, "Interrupted while calling the broker", e);
        }
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static URI withQuery(URI base, Map<String, String> fields) {
        return URI.create(base + (base.getQuery() == null ? "?" : "&") + query(fields));
    }

    /** A broker's answer (2xx–4xx; 5xx never gets here). */
    final class Answer {
        final int status;
        final String body;
        final Map<String, java.util.List<String>> headers;

        Answer(int status, String body, Map<String, java.util.List<String>> headers) {
            this.status = status;
            this.body = body;
            this.headers = headers;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON, or an empty object when it is not JSON (an HTML error page). */
        JsonNode json() {
            try {
                JsonNode node = json.readTree(body);
                return node == null ? json.createObjectNode() : node;
            } catch (IOException e) {
                return json.createObjectNode();
            }
        }
    }
}
