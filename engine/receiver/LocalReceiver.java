import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the SaaS channels that cannot run here: Slack incoming webhooks and an SMS gateway with
 * Twilio's request shape. Records every request and can be told to fail. One file, JDK only, so the
 * launcher runs it straight from source ({@code java LocalReceiver.java --port 8026}) for the local
 * stack and the tests alike.
 *
 * <pre>
 * POST /slack/{any}                                         a Slack incoming webhook (JSON body)
 * POST /sms/2010-04-01/Accounts/{sid}/Messages.json         Twilio's "create message" (form: To, From, Body; basic auth)
 * POST /_receiver/fail?channel=slack|sms&status=500[&times=N][&path=/slack/p]  answer the next N (default: all)
 *                                                           calls with status; with path, only calls to paths
 *                                                           starting with it (so other senders are not hit)
 * POST /_receiver/ok?channel=slack|sms                      answer normally again
 * GET  /_receiver/requests?channel=slack|sms                what was received (JSON), oldest first
 * DELETE /_receiver/requests                                forget it
 * </pre>
 */
public class LocalReceiver {

    record Received(String channel, String path, Instant at, int status, String account, String body, Map<String, String> form) {}

    record Failure(int status, AtomicInteger remaining, String pathPrefix) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        // Read once, when the server classes load: without it every answer waits for the client's delayed
        // ACK (Nagle), about 40 ms, and a webhook stand-in answers slower than the engine can send.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = 8026;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        new LocalReceiver().start(port);
        System.out.println("local receiver (Slack, SMS) on http://127.0.0.1:" + port);
    }

    void start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/slack/", exchange -> handle(exchange, () -> channelCall(exchange, "slack")));
        server.createContext("/sms/", exchange -> handle(exchange, () -> channelCall(exchange, "sms")));
        server.createContext("/_receiver/", exchange -> handle(exchange, () -> control(exchange)));
        server.start();
    }

    private void channelCall(HttpExchange exchange, String channel) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 405, "{\"error\":\"POST only\"}");
            return;
        }
        String body = body(exchange);
        Map<String, String> form = channel.equals("sms") ? form(body) : Map.of();
        int status = plannedStatus(channel, exchange.getRequestURI().getPath());
        if (status / 100 == 2 && channel.equals("sms")) {
            status = smsProblem(exchange, form) == null ? 201 : 400;
        }
        received.add(new Received(
                channel, exchange.getRequestURI().getPath(), Instant.now(), status, account(exchange), body, form));
        if (status / 100 != 2) {
            String problem = channel.equals("sms") ? smsProblem(exchange, form) : null;
            reply(exchange, status, json(Map.of("message", problem == null ? "told to fail" : problem, "status", status)));
        } else if (channel.equals("sms")) {
            reply(exchange, 201, json(Map.of(
                    "sid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                    "status", "queued",
                    "to", form.getOrDefault("To", ""))));
        } else {
            reply(exchange, 200, "ok");
        }
    }

    /** What Twilio would refuse: no basic auth, a missing field, a number that is not E.164. */
    private static String smsProblem(HttpExchange exchange, Map<String, String> form) {
        if (account(exchange) == null) {
            return "authentication required";
        }
        for (String field : List.of("To", "From", "Body")) {
            if (form.getOrDefault(field, "").isBlank()) {
                return "missing " + field;
            }
        }
        return form.get("To").matches("\\+[1-9][0-9]{6,14}") ? null : "To is not an E.164 number";
    }

    private int plannedStatus(String channel, String path) {
        Failure failure = failures.get(channel);
        if (failure == null || !path.startsWith(failure.pathPrefix())) {
            return 200;
        }
        if (failure.remaining().get() < 0) {
            return failure.status();
        }
        if (failure.remaining().getAndDecrement() > 0) {
            return failure.status();
        }
        failures.remove(channel, failure);
        return 200;
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String channel = query.getOrDefault("channel", "");
        switch (exchange.getRequestMethod() + " " + path) {
            case "POST /_receiver/fail" -> {
                int times = Integer.parseInt(query.getOrDefault("times", "-1"));
                failures.put(
                        channel,
                        new Failure(
                                Integer.parseInt(query.getOrDefault("status", "500")),
                                new AtomicInteger(times),
                                query.getOrDefault("path", "")));
                reply(exchange, 204, null);
            }
            case "POST /_receiver/ok" -> {
                failures.remove(channel);
                reply(exchange, 204, null);
            }
            case "GET /_receiver/requests" -> {
                List<Object> list = new ArrayList<>();
                for (Received r : received) {
                    if (channel.isEmpty() || r.channel().equals(channel)) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("channel", r.channel());
                        entry.put("path", r.path());
                        entry.put("at", r.at().toString());
                        entry.put("status", r.status());
                        entry.put("account", r.account());
                        entry.put("body", r.body());
                        entry.put("form", r.form());
                        list.add(entry);
                    }
                }
                reply(exchange, 200, json(list));
            }
            case "DELETE /_receiver/requests" -> {
                received.clear();
                reply(exchange, 204, null);
            }
            default -> reply(exchange, 404, "{\"error\":\"no such control\"}");
        }
    }

    interface Action {
        void run() throws IOException;
    }

    private static void handle(HttpExchange exchange, Action action) {
        try {
            action.run();
        } catch (RuntimeException | IOException e) {
            try {
                reply(exchange, 400, json(Map.of("error", String.valueOf(e.getMessage()))));
            } catch (IOException ignored) {
                // the client is gone
            }
        } finally {
            exchange.close();
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The basic-auth user name (Twilio's account SID); the password is never recorded. */
    private static String account(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (var entry : map.entrySet()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(json(String.valueOf(entry.getKey()))).append(':').append(json(entry.getValue()));
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(json(item));
            }
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
