package com.partnerworkspace.diagnostics.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The redirect URI this workspace sends against the one registered at the broker, piece by piece. Brokers
 * compare redirect URIs as exact strings, so every difference counts, also those a browser would ignore
 * (case, a trailing slash, an explicit default port, percent-encoding).
 */
final class RedirectUriComparison {

    /** What differs. */
    enum Kind {
        WHITESPACE("spaces or line breaks around the registered URI"),
        INVALID("the registered value is not a URI"),
        SCHEME("scheme"),
        SCHEME_CASE("upper/lower case of the scheme"),
        LOOPBACK_VS_PUBLIC("one host is a loopback address (only reachable on the same machine), the other is not"),
        HOST("host"),
        HOST_CASE("upper/lower case of the host"),
        PORT("port"),
        PATH("path"),
        PATH_CASE("upper/lower case of the path"),
        TRAILING_SLASH("trailing slash"),
        ENCODING("percent-encoding"),
        QUERY("query"),
        FRAGMENT("fragment");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One difference: its kind and the piece as sent and as registered. */
    record Difference(Kind kind, String sent, String registered) {
        String describe() {
            return kind.description + ": \"" + sent + "\" here, \"" + registered + "\" at the broker";
        }
    }

    private RedirectUriComparison() {}

    /** Every difference between the sent URI and the registered one; empty when they are the same string. */
    static List<Difference> compare(URI sent, String registered) {
        List<Difference> differences = new ArrayList<>();
        String stripped = registered.strip();
        if (!stripped.equals(registered)) {
            differences.add(new Difference(Kind.WHITESPACE, sent.toString(), registered));
        }
        URI other;
        try {
            other = new URI(stripped);
        } catch (URISyntaxException e) {
            differences.add(new Difference(Kind.INVALID, sent.toString(), stripped));
            return differences;
        }
        if (other.getScheme() == null || other.getRawAuthority() == null) {
            differences.add(new Difference(Kind.INVALID, sent.toString(), stripped));
            return differences;
        }
        compareScheme(sent, other, differences);
        compareHost(sent, other, differences);
        if (sent.getPort() != other.getPort()) { // an explicit default port differs too; a scheme's own is the scheme's
            differences.add(new Difference(Kind.PORT, portText(sent), portText(other)));
        }
        comparePath(rawPath(sent), rawPath(other), differences);
        if (!Objects.equals(sent.getRawQuery(), other.getRawQuery())) {
            differences.add(
                    new Difference(Kind.QUERY, nullToNone(sent.getRawQuery()), nullToNone(other.getRawQuery())));
        }
        if (!Objects.equals(sent.getRawFragment(), other.getRawFragment())) {
            differences.add(new Difference(
                    Kind.FRAGMENT, nullToNone(sent.getRawFragment()), nullToNone(other.getRawFragment())));
        }
        return differences;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // a name: not resolved here, only literal addresses and localhost count
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static void compareScheme(URI sent, URI other, List<Difference> differences) {
        if (!sent.getScheme().equalsIgnoreCase(other.getScheme())) {
            differences.add(new Difference(Kind.SCHEME, sent.getScheme(), other.getScheme()));
        } else if (!sent.getScheme().equals(other.getScheme())) {
            differences.add(new Difference(Kind.SCHEME_CASE, sent.getScheme(), other.getScheme()));
        }
    }

    private static void compareHost(URI sent, URI other, List<Difference> differences) {
        String here = hostOf(sent);
        String there = hostOf(other);
        if (isLoopback(here) != isLoopback(there)) {
            differences.add(new Difference(Kind.LOOPBACK_VS_PUBLIC, here, there));
        } else if (!here.equalsIgnoreCase(there)) {
            differences.add(new Difference(Kind.HOST, here, there));
        } else if (!here.equals(there)) {
            differences.add(new Difference(Kind.HOST_CASE, here, there));
        }
    }

    private static void comparePath(String here, String there, List<Difference> differences) {
        if (here.equals(there)) {
            return;
        }
        String hereDecoded = decode(here);
        String thereDecoded = decode(there);
        if (hereDecoded.equals(thereDecoded)) {
            differences.add(new Difference(Kind.ENCODING, here, there));
        } else if (withoutTrailingSlash(hereDecoded).equals(withoutTrailingSlash(thereDecoded))) {
            differences.add(new Difference(Kind.TRAILING_SLASH, here, there));
        } else if (hereDecoded.equalsIgnoreCase(thereDecoded)) {
            differences.add(new Difference(Kind.PATH_CASE, here, there));
        } else {
            differences.add(new Difference(Kind.PATH, here, there));
        }
    }

    /** The host as written: {@link URI#getHost()} is null for some valid names (e.g. with an underscore). */
    private static String hostOf(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 || hostPort.endsWith("]") ? hostPort : hostPort.substring(0, colon);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String portText(URI uri) {
        return uri.getPort() < 0 ? "none (" + effectivePort(uri) + ")" : String.valueOf(uri.getPort());
    }

    private static String rawPath(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String nullToNone(String value) {
        return value == null ? "none" : value;
    }
}
