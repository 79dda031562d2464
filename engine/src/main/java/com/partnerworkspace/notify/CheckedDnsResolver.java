package com.partnerworkspace.notify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to a host's addresses: those {@link OutboundTargets} checked, so the
 * connection goes to exactly what was checked, with no second lookup in between.
 */
class CheckedDnsResolver implements DnsResolver {

    private final OutboundTargets targets;

    CheckedDnsResolver(OutboundTargets targets) {
        this.targets = targets;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return targets.checkedAddresses(host, port).stream()
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    /** Without a port no allow-listed target matches: every address is checked. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return targets.checkedAddresses(host, -1).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
