package com.partnerworkspace.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/** Plain HTTP calls to the running engine, as the UI or a script would make them. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Api() {}

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** GET on the shared test engine ({@link EngineTest#BASE_URL}). */
    public static Response get(String path, String bearerToken) {
        return get(EngineTest.BASE_URL, path, bearerToken);
    }

    public static Response get(String baseUrl, String path, String bearerToken) {
        return send(baseUrl, path, bearerToken, request -> request.GET());
    }

    /** Any request on the shared test engine: {@code build} sets the method, body and headers. */
    public static Response send(String path, String bearerToken, UnaryOperator<HttpRequest.Builder> build) {
        return send(EngineTest.BASE_URL, path, bearerToken, build);
    }

    public static Response send(
            String baseUrl, String path, String bearerToken, UnaryOperator<HttpRequest.Builder> build) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(build.apply(request).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
