package com.partnerworkspace.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a call to a URL someone typed never reaches: private networks, this host, link- and
 * site-local networks, shared carrier space, multicast and reserved space. IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
final class InternalRanges {

    private record Range(String name, byte[] prefix, int bits) {

        static Range of(String name, String cidr) {
            String[] parts = cidr.split("/");
            return new Range(name, bytes(parts[0]), Integer.parseInt(parts[1]));
        }

        /** The address's bytes; an IPv6 literal stays 16 bytes (Java turns IPv4-mapped ones into IPv4). */
        private static byte[] bytes(String literal) {
            try {
                byte[] bytes = InetAddress.getByName(literal).getAddress();
                if (literal.contains(":") && bytes.length == 4) {
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(bytes, 0, mapped, 12, 4);
                    return mapped;
                }
                return bytes;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            Range.of("this network (0.0.0.0/8)", "0.0.0.0/8"),
            Range.of("private (10.0.0.0/8)", "10.0.0.0/8"),
            Range.of("shared carrier space (100.64.0.0/10)", "100.64.0.0/10"),
            Range.of("loopback (127.0.0.0/8)", "127.0.0.0/8"),
            Range.of("link-local (169.254.0.0/16)", "169.254.0.0/16"),
            Range.of("private (172.16.0.0/12)", "172.16.0.0/12"),
            Range.of("protocol assignments (192.0.0.0/24)", "192.0.0.0/24"),
            Range.of("private (192.168.0.0/16)", "192.168.0.0/16"),
            Range.of("benchmarking (198.18.0.0/15)", "198.18.0.0/15"),
            Range.of("multicast (224.0.0.0/4)", "224.0.0.0/4"),
            Range.of("reserved (240.0.0.0/4)", "240.0.0.0/4"));

    private static final List<Range> IPV6 = List.of(
            Range.of("unspecified (::/128)", "::/128"),
            Range.of("loopback (::1/128)", "::1/128"),
            Range.of("unique-local (fc00::/7)", "fc00::/7"),
            Range.of("link-local (fe80::/10)", "fe80::/10"),
            Range.of("site-local (fec0::/10)", "fec0::/10"),
            Range.of("multicast (ff00::/8)", "ff00::/8"));

    /** IPv6 prefixes whose addresses carry an IPv4 address, and where in the 16 bytes it sits. */
    private record Embedding(Range range, int at) {}

    private static final List<Embedding> EMBEDDED_IPV4 = List.of(
            new Embedding(Range.of("IPv4-mapped", "::ffff:0:0/96"), 12),
            new Embedding(Range.of("IPv4-compatible", "::/96"), 12),
            new Embedding(Range.of("NAT64", "64:ff9b::/96"), 12),
            new Embedding(Range.of("6to4", "2002::/16"), 2));

    private InternalRanges() {}

    /** The internal range the address lies in (named for a log line), or empty for a public address. */
    static Optional<String> rangeOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return rangeOf(bytes, IPV4);
        }
        if (address instanceof Inet6Address) {
            Optional<String> own = rangeOf(bytes, IPV6);
            if (own.isPresent()) {
                return own;
            }
            for (Embedding embedding : EMBEDDED_IPV4) {
                if (embedding.range().contains(bytes)) {
                    byte[] ipv4 = Arrays.copyOfRange(bytes, embedding.at(), embedding.at() + 4);
                    return rangeOf(ipv4, IPV4)
                            .map(range -> range + " inside " + embedding.range().name());
                }
            }
            return Optional.empty();
        }
        return Optional.of("an unknown address family");
    }

    private static Optional<String> rangeOf(byte[] address, List<Range> ranges) {
        return ranges.stream()
                .filter(range -> range.contains(address))
                .map(Range::name)
                .findFirst();
    }
}
