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

/**
 * The test Keycloak's admin REST API as its bootstrap administrator (local test servers only), for what
 * tests set up outside the product: e.g. a bot client that no delegation made.
 */
public final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    public KeycloakAdmin(KeycloakServer keycloak) {
        this.url = keycloak.url();
    }

    /**
     * A confidential client with a service account holding {@code realmRole}, created once: answers a
     * client-credentials token for it.
     */
    public String serviceAccountToken(String clientId, String realmRole) {
        String secret = clientId + "-secret";
        String admin = adminToken();
        String realm = url + "/admin/realms/" + KeycloakServer.REALM;
        JsonNode found = send(admin, "GET", realm + "/clients?clientId=" + clientId, null);
        if (found.isEmpty()) {
            send(
                    admin,
                    "POST",
                    realm + "/clients",
                    JSON.createObjectNode()
                            .put("clientId", clientId)
                            .put("secret", secret)
                            .put("publicClient", false)
                            .put("serviceAccountsEnabled", true)
                            .put("standardFlowEnabled", false)
                            .put("directAccessGrantsEnabled", false)
                            .set("protocolMappers", JSON.createArrayNode().add(engineAudienceMapper()))
                            .toString());
            String id = send(admin, "GET", realm + "/clients?clientId=" + clientId, null)
                    .get(0)
                    .get("id")
                    .asText();
            String user = send(admin, "GET", realm + "/clients/" + id + "/service-account-user", null)
                    .get("id")
                    .asText();
            JsonNode role = send(admin, "GET", realm + "/roles/" + realmRole, null);
            send(
                    admin,
                    "POST",
                    realm + "/users/" + user + "/role-mappings/realm",
                    JSON.createArrayNode().add(role).toString());
        }
        return RealServers.keycloak().clientCredentialsToken(clientId, secret);
    }

    /**
     * A confidential app of the broker simulator (realm {@code broker-sim}) with exactly these redirect URIs:
     * created on first use, its redirect URIs replaced on every call (as a partner edits the app at a broker).
     */
    public void brokerSimApp(String clientId, String secret, java.util.List<String> redirectUris) {
        String admin = adminToken();
        String realm = url + "/admin/realms/broker-sim";
        var app = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("secret", secret)
                .put("publicClient", false)
                .put("standardFlowEnabled", true)
                .put("serviceAccountsEnabled", false)
                .put("directAccessGrantsEnabled", false);
        app.putArray("redirectUris")
                .addAll(redirectUris.stream()
                        .map(JSON.getNodeFactory()::textNode)
                        .toList());
        JsonNode found = send(admin, "GET", realm + "/clients?clientId=" + clientId, null);
        if (found.isEmpty()) {
            send(admin, "POST", realm + "/clients", app.toString());
        } else {
            send(admin, "PUT", realm + "/clients/" + found.get(0).get("id").asText(), app.toString());
        }
    }

    /** Removes an app {@link #brokerSimApp} made, if it is there. */
    public void removeBrokerSimApp(String clientId) {
        String admin = adminToken();
        String realm = url + "/admin/realms/broker-sim";
        for (JsonNode found : send(admin, "GET", realm + "/clients?clientId=" + clientId, null)) {
            send(admin, "DELETE", realm + "/clients/" + found.get("id").asText(), null);
        }
    }

    /** A GET of the realm's admin API, e.g. {@code users?username=ravi&exact=true}. */
    public JsonNode get(String pathInRealm) {
        return send(adminToken(), "GET", url + "/admin/realms/" + KeycloakServer.REALM + "/" + pathInRealm, null);
    }

    /**
     * Points the realm's SMTP settings at this run's mail server (the realm file names the local stack's
     * 3025; the tests' GreenMail listens on a free port), so Keycloak's own emails reach {@link MailServer}.
     */
    public void useSmtpServer(int port) {
        String admin = adminToken();
        String realm = url + "/admin/realms/" + KeycloakServer.REALM;
        com.fasterxml.jackson.databind.node.ObjectNode update = JSON.createObjectNode();
        update.putObject("smtpServer")
                .put("host", "127.0.0.1")
                .put("port", String.valueOf(port))
                .put("from", "no-reply@partner-workspace.local")
                .put("fromDisplayName", "Partner Workspace")
                .put("auth", "false")
                .put("ssl", "false")
                .put("starttls", "false");
        com.fasterxml.jackson.databind.node.ObjectNode current =
                (com.fasterxml.jackson.databind.node.ObjectNode) send(admin, "GET", realm, null);
        current.setAll(update);
        send(admin, "PUT", realm, current.toString());
    }

    /** As every client the engine serves: its tokens name the engine as their audience. */
    private static com.fasterxml.jackson.databind.node.ObjectNode engineAudienceMapper() {
        var mapper = JSON.createObjectNode()
                .put("name", "workspace-engine audience")
                .put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        mapper.putObject("config")
                .put("included.client.audience", "workspace-engine")
                .put("access.token.claim", "true")
                .put("id.token.claim", "false");
        return mapper;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        JsonNode token =
                request(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        return token.get("access_token").asText();
    }

    private static JsonNode send(String bearer, String method, String target, String body) {
        return request(HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static JsonNode request(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                        + " " + response.body());
            }
            return response.body().isBlank()
                    ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
