package app.chat.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which address a connection comes from, for the login throttles. Behind a reverse proxy every
 * connection's peer is the proxy; when that peer is one of chat.trusted-proxies, the client is the
 * right-most address of X-Forwarded-For that is not itself a trusted proxy (each proxy appends the
 * peer it saw, so that entry is the last one a trusted hop wrote; anything left of it may have been
 * sent by the client). From any other peer the header is ignored: a client cannot choose its address.
 */
public final class ClientAddress {

    /** An IPv4 or IPv6 literal (never a name: parsing one must not ask DNS). */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private final Set<InetAddress> trustedProxies;

    /** @param trustedProxies IP addresses (not host names) of the proxies in front of the chat */
    public ClientAddress(Collection<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(ClientAddress::parseTrusted).collect(Collectors.toUnmodifiableSet());
    }

    /** The client address of an HTTP request. */
    public String of(HttpServletRequest request) {
        var headers = request.getHeaders("X-Forwarded-For");
        String forwardedFor = headers == null || !headers.hasMoreElements() ? null : String.join(",", Collections.list(headers));
        return resolve(request.getRemoteAddr(), forwardedFor);
    }

    /**
     * @param peer         the address of the connection's other end (an IP literal; "/1.2.3.4:5678" as Netty
     *                     writes it is accepted too), or null when unknown
     * @param forwardedFor the X-Forwarded-For header's value (several headers joined by commas), or null
     * @return the client's address, or null when the peer is unknown
     */
    public String resolve(String peer, String forwardedFor) {
        String host = hostOf(peer);
        if (host == null || forwardedFor == null || !isTrusted(host)) {
            return host;
        }
        String[] hops = forwardedFor.split(",");
        String leftMost = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (parse(hop) == null) {
                return host; // not an address: a trusted proxy would not have written it, so trust none of it
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            leftMost = hop;
        }
        // every hop is a trusted proxy (a request from inside): the one farthest away
        return leftMost != null ? leftMost : host;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = parse(address);
        return parsed != null && trustedProxies.contains(parsed);
    }

    /** The host of "/1.2.3.4:5678", "1.2.3.4", "[::1]:5678" or "0:0:0:0:0:0:0:1". */
    static String hostOf(String remote) {
        if (remote == null || remote.isBlank()) {
            return null;
        }
        String host = remote.strip();
        if (host.startsWith("/")) {
            host = host.substring(1);
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(1, close) : host;
        }
        int colon = host.lastIndexOf(':');
        // one colon: IPv4 (or a name) with a port; more: an IPv6 literal without brackets and port
        if (colon > 0 && host.indexOf(':') == colon) {
            return host.substring(0, colon);
        }
        return host;
    }

    private static InetAddress parse(String literal) {
        if (literal.length() > 45 || !IP_LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static InetAddress parseTrusted(String address) {
        InetAddress parsed = parse(address);
        if (parsed == null) {
            throw new IllegalArgumentException("chat.trusted-proxies takes IP addresses, not '" + address + "'");
        }
        return parsed;
    }
}
