package com.partnerworkspace.diagnostics.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whether this server reaches the broker's endpoints (any HTTP answer counts), over TLS where the host is not
 * local, and how fast. The endpoints are asked at once.
 */
@Component
@Order(6)
class ReachabilityCheck implements Check {

    static final Duration SLOW = Duration.ofMillis(1500);

    private final BrokerProbe probe;

    ReachabilityCheck(BrokerProbe probe) {
        this.probe = probe;
    }

    @Override
    public String id() {
        return "reachability";
    }

    @Override
    public String title() {
        return "Broker endpoints reachable, over TLS, in good time";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(4);
    }

    @Override
    public String guide() {
        return GuideSections.UNREACHABLE;
    }

    /** One endpoint's answer: latency and TLS protocol, or why there was none. */
    record Reached(String name, URI uri, BrokerProbe.Answer answer, Exception failure) {
        String describe() {
            if (failure != null) {
                return name + " (" + uri.getHost() + "): "
                        + (failure instanceof SSLException ? "TLS failed" : "no answer") + " ("
                        + failure.getClass().getSimpleName() + ")";
            }
            return name + ": HTTP " + answer.status() + " in "
                    + answer.latency().toMillis() + " ms"
                    + answer.tls().map(tls -> " over " + tls).orElse(" over plain HTTP");
        }
    }

    @Override
    public Outcome run(Subject subject) {
        Map<String, URI> endpoints = endpoints(subject);
        List<CompletableFuture<Reached>> calls = new ArrayList<>();
        endpoints.forEach((name, uri) -> calls.add(CompletableFuture.supplyAsync(() -> reach(name, uri))));
        List<Reached> reached = calls.stream().map(CompletableFuture::join).toList();
        return judge(reached);
    }

    static Outcome judge(List<Reached> reached) {
        String evidence = reached.stream().map(Reached::describe).collect(Collectors.joining("; ")) + ".";
        if (reached.stream().anyMatch(r -> r.failure() instanceof SSLException)) {
            return Outcome.fail(
                    evidence + " The TLS handshake failed: check the broker's certificate and this"
                            + " server's trust store and proxy.",
                    GuideSections.TLS);
        }
        if (reached.stream().anyMatch(r -> r.failure() != null)) {
            return Outcome.fail(evidence, GuideSections.UNREACHABLE);
        }
        List<Reached> plain = reached.stream()
                .filter(r -> r.answer().tls().isEmpty()
                        && !RedirectUriComparison.isLoopback(r.uri().getHost()))
                .toList();
        if (!plain.isEmpty()) {
            return Outcome.warn(
                    evidence + " Plain HTTP to a host that is not local: keys and tokens cross the network"
                            + " unencrypted.",
                    GuideSections.TLS);
        }
        if (reached.stream().anyMatch(r -> r.answer().latency().compareTo(SLOW) > 0)) {
            return Outcome.warn(evidence + " Slower than " + SLOW.toMillis() + " ms.", GuideSections.SLOW);
        }
        return Outcome.pass(evidence, GuideSections.UNREACHABLE);
    }

    private Reached reach(String name, URI uri) {
        try {
            return new Reached(name, uri, probe.get(uri), null);
        } catch (IOException e) {
            return new Reached(name, uri, null, e);
        }
    }

    private Map<String, URI> endpoints(Subject subject) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        if (!subject.speaksOAuth2()) {
            endpoints.put("API", subject.broker().apiUrl());
            endpoints.put("login", subject.broker().loginUrl());
            return endpoints;
        }
        endpoints.put("discovery", BrokerProbe.discoveryUrl(subject.broker()));
        for (String name : List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint")) {
            try {
                probe.endpoint(subject.broker(), name)
                        .ifPresent(uri -> endpoints.put(name.replace("_endpoint", ""), uri));
            } catch (IOException e) {
                break; // the discovery entry reports it
            }
        }
        return endpoints;
    }
}
