package app.chat.broker;

import io.netty.channel.Channel;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.persistence.OperationContext;
import org.apache.activemq.artemis.core.protocol.stomp.StompConnection;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.protocol.websocket.WebSocketServerHandler;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerSessionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.protocol.SessionCallback;

/**
 * Guards each browser connection from the moment it exists:
 * <ul>
 *   <li>a byte-level cap on the STOMP frame being received ({@link StompStreamLimiter});</li>
 *   <li>an allowed-origins check on the WebSocket handshake (when chat.stomp.allowed-origins is set);</li>
 *   <li>a cap on connections per user.</li>
 * </ul>
 */
final class ConnectionGuard implements ActiveMQServerConnectionPlugin, ActiveMQServerSessionPlugin {

    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

    private final int maxFrameBytes;
    private final int maxConnectionsPerUser;
    private final List<java.util.regex.Pattern> allowedOrigins;
    private final Map<String, AtomicInteger> connectionsPerUser = new ConcurrentHashMap<>();
    private final Map<Object, String> userOfConnection = new ConcurrentHashMap<>();
    private final Map<Channel, StompConnection> stompOfChannel = new ConcurrentHashMap<>();

    ConnectionGuard(int maxFrameBytes, int maxConnectionsPerUser, List<String> allowedOrigins) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxConnectionsPerUser = maxConnectionsPerUser;
        // an entry may use * for any run of characters, e.g. https://*.example.com or http://localhost:*
        this.allowedOrigins = allowedOrigins.stream()
                .map(o -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(o.strip()).replace("*", "\\E.*\\Q")))
                .toList();
    }

    @Override
    public void afterCreateConnection(RemotingConnection connection) {
        if (!(connection.getTransportConnection() instanceof NettyConnection netty)) {
            return; // in-VM: the application itself
        }
        if (!(connection instanceof StompConnection stomp)) {
            return; // another node of the cluster (core protocol, on the cluster's acceptor)
        }
        Channel channel = netty.getChannel();
        // a connection the broker's TTL check drops is removed without afterDestroyConnection
        // (Artemis 2.57), but its socket is closed: the socket's end is what frees its entries
        channel.closeFuture().addListener(closed -> release(connection.getID(), channel));
        var webSocket = channel.pipeline().get(WebSocketServerHandler.class);
        if (webSocket != null && !originAllowed(webSocket)) {
            LOG.log(Level.INFO, "Refused a WebSocket from origin {0}", webSocket.getHttpRequest().headers().get("Origin"));
            channel.close();
            return;
        }
        var limiter = new StompStreamLimiter(maxFrameBytes, webSocket != null);
        if (webSocket != null) {
            channel.pipeline().addAfter(channel.pipeline().context(webSocket).name(), StompStreamLimiter.NAME, limiter);
        } else {
            channel.pipeline().addFirst(StompStreamLimiter.NAME, limiter);
        }
        stompOfChannel.put(channel, stomp);
    }

    /** True once the socket's STOMP CONNECT succeeded. */
    boolean isLoggedIn(Channel channel) {
        StompConnection stomp = stompOfChannel.get(channel);
        return stomp != null && stomp.isValid();
    }

    private boolean originAllowed(WebSocketServerHandler webSocket) {
        if (allowedOrigins.isEmpty() || webSocket.getHttpRequest() == null) {
            return true;
        }
        return allowsOrigin(webSocket.getHttpRequest().headers().get("Origin"));
    }

    /** @param origin the handshake's Origin header, or null when it has none */
    boolean allowsOrigin(String origin) {
        // non-browser clients send no Origin; browsers always do
        return allowedOrigins.isEmpty() || origin == null || allowedOrigins.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    @Override
    public void beforeCreateSession(String name, String username, int minLargeMessageSize, RemotingConnection connection,
                                    boolean autoCommitSends, boolean autoCommitAcks, boolean preAcknowledge, boolean xa,
                                    String defaultAddress, SessionCallback callback, boolean autoCreateQueues,
                                    OperationContext context, Map<SimpleString, RoutingType> prefixes) throws ActiveMQException {
        if (username == null || !(connection instanceof StompConnection)
                || !(connection.getTransportConnection() instanceof NettyConnection)
                || userOfConnection.containsKey(connection.getID())) {
            return;
        }
        AtomicInteger count = connectionsPerUser.computeIfAbsent(username, u -> new AtomicInteger());
        if (count.incrementAndGet() > maxConnectionsPerUser) {
            count.decrementAndGet();
            throw new ActiveMQException(ActiveMQExceptionType.SECURITY_EXCEPTION,
                    "too many connections for " + username + " (limit " + maxConnectionsPerUser + ")");
        }
        userOfConnection.put(connection.getID(), username);
    }

    @Override
    public void afterDestroyConnection(RemotingConnection connection) {
        release(connection.getID(), connection.getTransportConnection() instanceof NettyConnection netty ? netty.getChannel() : null);
    }

    /** Forgets a connection once, whichever of its destruction and its socket's close comes first. */
    void release(Object connectionId, Channel channel) {
        if (channel != null) {
            stompOfChannel.remove(channel);
        }
        String user = userOfConnection.remove(connectionId);
        if (user != null) {
            connectionsPerUser.computeIfPresent(user, (u, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }
}
