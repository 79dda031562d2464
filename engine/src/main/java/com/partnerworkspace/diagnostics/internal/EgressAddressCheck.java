package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.diagnostics.internal.Outcome.Fix;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For brokers that accept orders only from a registered static address: the address the partner registered
 * (a setting of the connection) against this server's outbound address towards the broker. The outbound
 * address is the local address the operating system picks to reach the broker (a UDP "connect" sends
 * nothing); for a broker on a local or private network that is the address it sees. Behind NAT the broker
 * sees the gateway's public address instead, which the evidence says.
 */
@Component
@Order(7)
class EgressAddressCheck implements Check {

    static final String SETTING = "registeredAddress";

    @Override
    public String id() {
        return "egress-address";
    }

    @Override
    public String title() {
        return "This server's outbound address against the registered static address";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public String guide() {
        return GuideSections.STATIC_ADDRESS;
    }

    @Override
    public Outcome run(Subject subject) {
        if (subject.registeredAddress() == null) {
            return Outcome.skipped(
                    "No static address is registered for this connection: only brokers that accept"
                            + " orders from registered addresses need one.",
                    GuideSections.STATIC_ADDRESS);
        }
        URI api = subject.broker().apiUrl();
        InetAddress broker;
        InetAddress outbound;
        try {
            broker = InetAddress.getByName(api.getHost());
            outbound = outboundTowards(broker, api.getPort() < 0 ? 443 : api.getPort());
        } catch (IOException e) {
            return Outcome.skipped(
                    "The broker's host " + api.getHost() + " could not be resolved (see reachability).",
                    GuideSections.UNREACHABLE);
        }
        InetAddress registered;
        try {
            if (!isIpLiteral(subject.registeredAddress())) {
                throw new UnknownHostException(); // a name is never resolved: the setting is an address
            }
            registered = InetAddress.getByName(subject.registeredAddress());
        } catch (UnknownHostException e) {
            return Outcome.fail(
                    "The registered address " + subject.registeredAddress() + " is not an IP address.",
                    GuideSections.STATIC_ADDRESS);
        }
        boolean local = broker.isLoopbackAddress() || broker.isSiteLocalAddress() || broker.isLinkLocalAddress();
        String seen = "This server reaches " + api.getHost() + " from " + outbound.getHostAddress()
                + (local
                        ? " (a local network: the broker sees this address)"
                        : " (its local address: behind NAT the broker sees the gateway's public address)");
        if (registered.equals(outbound)) {
            return Outcome.pass(seen + ", the address registered at the broker.", GuideSections.STATIC_ADDRESS);
        }
        Outcome outcome = local
                ? Outcome.fail(
                        seen + ", not " + registered.getHostAddress() + " as registered at the broker: orders"
                                + " from this server are refused.",
                        GuideSections.STATIC_ADDRESS)
                : Outcome.warn(
                        seen + "; registered at the broker: " + registered.getHostAddress()
                                + ". Check the public address of this server's network against it.",
                        GuideSections.STATIC_ADDRESS);
        return outcome.withFix(
                Fix.copy("Copy this server's address to register at the broker", outbound.getHostAddress()));
    }

    /** An IPv4 or IPv6 address written out (never a name, which would need a DNS lookup). */
    static boolean isIpLiteral(String text) {
        return text != null
                && text.length() <= 45
                && (text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9A-Fa-f:.]+")));
    }

    static InetAddress outboundTowards(InetAddress target, int port) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(target, port));
            return socket.getLocalAddress();
        }
    }
}
