package dev.selfservice.portal.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * The employee's IP address, forwarded to Auth0 for its brute-force protection ({@code auth0-forwarded-for}), used by
 * the portal's per-address limits, written to the audit trail and shown in notices. Without a trusted proxy it is
 * the connection's peer. Behind one ({@code quarkus.http.proxy.proxy-address-forwarding} with
 * {@code quarkus.http.proxy.trusted-proxies}), it is the rightmost address of {@code X-Forwarded-For} (or of
 * {@code Forwarded}'s {@code for=}) that is not a trusted proxy, walking from the peer leftwards: a proxy that appends
 * to the header keeps what the client sent on the left, so the leftmost address, which Quarkus takes, is the
 * client's choice ("6.6.6.6, 203.0.113.50" was recorded as 6.6.6.6). A proxy that overwrites the header gives one
 * address, the same either way. Where forwarding is on but no proxy is listed, Quarkus trusts every peer; then the
 * rightmost address is taken, the one the nearest proxy wrote.
 */
public final class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    /** The proxy settings as parsed, kept while the configured text is the same (a test profile may change it). */
    private record Proxies(String source, boolean forwarding, boolean forwarded, boolean xForwarded,
            boolean anyPeer, List<IpSubnetFilterRule> trusted) {

        boolean trusts(InetAddress address) {
            InetSocketAddress socket = new InetSocketAddress(address, 0);
            return trusted.stream().anyMatch(rule -> rule.matches(socket));
        }
    }

    private static volatile Proxies proxies;

    private ClientAddress() {
    }

    /**
     * What a per-address limit counts: the address itself for IPv4, its /64 for IPv6. One IPv6 subscriber is given a
     * whole /64 (often more), so counting single addresses would give one client as many shares as it likes.
     */
    public static String network(String address) {
        InetAddress parsed = address == null ? null : literal(address);
        if (!(parsed instanceof java.net.Inet6Address)) {
            return parsed == null ? address : parsed.getHostAddress(); // IPv4, also when written IPv4-mapped
        }
        byte[] prefix = java.util.Arrays.copyOf(parsed.getAddress(), 16);
        java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (java.net.UnknownHostException e) {
            return address; // sixteen bytes are always an address
        }
    }

    /** The {@link #network} of the request's client. */
    public static String networkOf(HttpServerRequest request) {
        return network(of(request));
    }

    public static String of(HttpServerRequest request) {
        if (request == null) {
            return null;
        }
        String peer = peer(request);
        Proxies settings = settings();
        InetAddress peerAddress = peer == null ? null : literal(peer);
        if (!settings.forwarding() || peerAddress == null
                || !settings.anyPeer() && !settings.trusts(peerAddress)) {
            return peer;
        }
        List<String> hops = hops(request, settings);
        if (hops.isEmpty()) {
            return peer;
        }
        if (settings.anyPeer()) {
            // every peer trusted: only the nearest proxy's own entry is not the client's choice
            InetAddress nearest = literal(hops.get(hops.size() - 1));
            return nearest == null ? peer : nearest.getHostAddress();
        }
        String last = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return last; // not an address: written by no trusted proxy, so the hop to its right is the client
            }
            if (!settings.trusts(hop)) {
                return hop.getHostAddress();
            }
            last = hop.getHostAddress();
        }
        return last; // a chain of trusted proxies only: the farthest of them
    }

    /** The connection's own peer, not the address Quarkus took from the headers. */
    private static String peer(HttpServerRequest request) {
        io.vertx.core.net.SocketAddress socket = request.connection() != null && request.connection().remoteAddress() != null
                ? request.connection().remoteAddress() : request.remoteAddress();
        return socket == null ? null : socket.hostAddress();
    }

    /** The forwarded addresses, nearest last, from the header Quarkus is told to read. */
    private static List<String> hops(HttpServerRequest request, Proxies settings) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = request.headers().getAll("Forwarded");
        if (settings.forwarded() && !forwarded.isEmpty()) {
            for (String line : forwarded) {
                for (String element : line.split(",")) {
                    for (String pair : element.split(";")) {
                        String p = pair.trim();
                        if (p.regionMatches(true, 0, "for=", 0, 4)) {
                            hops.add(p.substring(4));
                        }
                    }
                }
            }
            return hops;
        }
        if (settings.xForwarded()) {
            for (String line : request.headers().getAll("X-Forwarded-For")) {
                for (String entry : line.split(",")) {
                    if (!entry.isBlank()) {
                        hops.add(entry);
                    }
                }
            }
        }
        return hops;
    }

    /** The address an entry names, if it is an IP literal (with a port, brackets or quotes as proxies write them). */
    private static InetAddress literal(String entry) {
        String s = entry.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            s = close < 0 ? s : s.substring(1, close);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Proxies settings() {
        Config config = ConfigProvider.getConfig();
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        boolean forwarded = config.getOptionalValue("quarkus.http.proxy.allow-forwarded", Boolean.class).orElse(false);
        // as Quarkus reads it: unset, X-Forwarded-* counts unless Forwarded does
        boolean xForwarded = config.getOptionalValue("quarkus.http.proxy.allow-x-forwarded", Boolean.class)
                .orElse(!forwarded);
        List<String> listed = config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class)
                .orElse(List.of());
        String source = forwarding + "|" + forwarded + "|" + xForwarded + "|" + listed;
        Proxies known = proxies;
        if (known != null && known.source().equals(source)) {
            return known;
        }
        Proxies parsed = new Proxies(source, forwarding, forwarded, xForwarded, listed.isEmpty(), rules(listed));
        proxies = parsed;
        return parsed;
    }

    /** Quarkus's forms: an address, a CIDR range or a host name, each with an optional port (ignored here). */
    private static List<IpSubnetFilterRule> rules(List<String> listed) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String item : listed) {
            String entry = item.trim().toLowerCase(Locale.ROOT);
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address != null) {
                int bits = address.getAddress().length * 8;
                int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
                rules.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
                continue;
            }
            String host = entry.indexOf(':') > 0 ? entry.substring(0, entry.indexOf(':')) : entry;
            try {
                for (InetAddress resolved : InetAddress.getAllByName(host)) {
                    rules.add(new IpSubnetFilterRule(resolved, resolved.getAddress().length * 8, IpFilterRuleType.ACCEPT));
                }
            } catch (UnknownHostException e) {
                LOG.warnf("client address: the trusted proxy %s does not resolve; it is not trusted", host);
            }
        }
        return rules;
    }
}
