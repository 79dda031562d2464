package com.partnerworkspace.credentials.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.testsupport.OpenBaoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The floor a Vault read can reach here: one kept-alive HTTP/1.1 client, the KV read and nothing else. */
final class RawVaultHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawVaultHttp() {}

    /** A read of {@code path} (e.g. {@code partner-kv/data/partners/nitin/x}) as the engine's AppRole. */
    static Runnable kvReader(OpenBaoServer openBao, String path) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = login(http, openBao);
        HttpRequest read = HttpRequest.newBuilder(URI.create(openBao.url() + "/v1/" + path))
                .header("X-Vault-Token", token)
                .GET()
                .build();
        return () -> {
            HttpResponse<byte[]> response = send(http, read);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("raw read of " + path + " answered " + response.statusCode());
            }
        };
    }

    private static String login(HttpClient http, OpenBaoServer openBao) {
        String body = JSON.createObjectNode()
                .put("role_id", openBao.roleId())
                .put("secret_id", openBao.secretId())
                .toString();
        HttpResponse<byte[]> response = send(
                http,
                HttpRequest.newBuilder(URI.create(openBao.url() + "/v1/auth/approle/login"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        try {
            return JSON.readTree(response.body())
                    .path("auth")
                    .path("client_token")
                    .asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
