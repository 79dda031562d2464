package com.partnerworkspace.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where calls to URLs people type (a partner's Slack webhook, the SMS gateway) may go: never to an
 * internal address ({@link InternalRanges}) nor to a host of the workspace's own stack (Keycloak, Vault,
 * the database, SMTP, the engine itself, as configured), unless the exact {@code host:port} is in
 * {@code workspace.notify.allowed-internal-targets} (the local receiver of the local stack). The check
 * that counts runs at send time, after DNS resolution, and the send connects to the addresses checked
 * (see {@link Notifier}); the check when a URL is saved only answers early.
 */
@Component
public class OutboundTargets {

    /** Where the stack's own hosts are configured. */
    static final List<String> STACK_URL_PROPERTIES = List.of(
            "workspace.public-url",
            "workspace.keycloak.url",
            "workspace.keycloak.internal-url",
            "workspace.vault.url",
            "spring.datasource.url",
            "spring.mail.host");

    private static final Pattern HOST_IN_URL = Pattern.compile("://(?:[^/@]*@)?(\\[[^\\]]+\\]|[^/:;?#]+)");

    private final Set<String> allowed;
    private final Set<String> stackHosts;

    @Autowired
    OutboundTargets(NotifyProperties properties, Environment environment) {
        this(properties.allowedInternalTargets(), stackHosts(environment));
    }

    OutboundTargets(List<String> allowedInternalTargets, Set<String> stackHosts) {
        this.allowed = allowedInternalTargets.stream()
                .map(target -> target.strip().toLowerCase(Locale.ROOT))
                .filter(target -> !target.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.stackHosts = Set.copyOf(stackHosts);
    }

    /**
     * Why a call to the URL would be refused (for the field that holds it), or empty when it may go. A
     * host that does not resolve now is not refused here; its sends fail.
     */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of("must be an http or https URL");
        }
        try {
            checkedAddresses(uri.getHost(), port(uri));
            return Optional.empty();
        } catch (RefusedTargetException e) {
            return Optional.of("must not point at a private, internal or workspace address");
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The addresses a call to {@code host:port} may connect to: all that the name resolves to, each one
     * checked; refused as a whole when any one is internal (a name that answers both ways is not trusted).
     */
    List<InetAddress> checkedAddresses(String host, int port) throws UnknownHostException {
        String name = bare(host);
        boolean allowListed = allowed.contains(name + ":" + port) || allowed.contains("[" + name + "]:" + port);
        if (!allowListed && stackHosts.contains(name)) {
            throw new RefusedTargetException(name, "a host of the workspace's own stack");
        }
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(name));
        if (allowListed) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> why = InternalRanges.rangeOf(address).or(() -> ownHost(address));
            if (why.isPresent()) {
                throw new RefusedTargetException(name, address, why.get());
            }
        }
        return addresses;
    }

    private Optional<String> ownHost(InetAddress address) {
        for (String stackHost : stackHosts) {
            try {
                if (Arrays.asList(InetAddress.getAllByName(stackHost)).contains(address)) {
                    return Optional.of("an address of the workspace's own stack (" + stackHost + ")");
                }
            } catch (UnknownHostException e) {
                // A stack host that does not resolve here shares no address with the target.
            }
        }
        return Optional.empty();
    }

    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** The host without IPv6 brackets, in lower case. */
    static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    /** The hosts named by the stack's configured URLs (a plain host for the SMTP server). */
    static Set<String> stackHosts(Environment environment) {
        return STACK_URL_PROPERTIES.stream()
                .map(environment::getProperty)
                .filter(Objects::nonNull)
                .flatMap(OutboundTargets::hostOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    static Stream<String> hostOf(String urlOrHost) {
        String value = urlOrHost.strip();
        if (value.isEmpty()) {
            return Stream.empty();
        }
        if (!value.contains("://")) {
            return value.contains("/") || value.contains(":") ? Stream.empty() : Stream.of(bare(value));
        }
        Matcher host = HOST_IN_URL.matcher(value);
        return host.find() ? Stream.of(bare(host.group(1))) : Stream.empty();
    }

    /** A target refused before any connection was made. */
    static class RefusedTargetException extends UnknownHostException {

        RefusedTargetException(String host, InetAddress address, String range) {
            super(host + " resolves to " + address.getHostAddress() + ", " + range);
        }

        RefusedTargetException(String host, String why) {
            super(host + " is " + why);
        }
    }
}
