package app.chat.broker;

import app.chat.platform.ClientAddress;
import io.netty.handler.codec.http.HttpRequest;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.protocol.websocket.WebSocketServerHandler;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * The client address of a broker connection, for the login throttle: its peer's address, or, when
 * the peer is a trusted proxy, the client the WebSocket handshake's X-Forwarded-For names
 * ({@link ClientAddress} decides).
 */
final class HandshakeAddress {

    private final ClientAddress clientAddress;

    HandshakeAddress(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The client's IP address without the port, or null when the connection has no remote address. */
    String of(RemotingConnection connection) {
        if (connection == null || connection.getRemoteAddress() == null) {
            return null;
        }
        return clientAddress.resolve(connection.getRemoteAddress(), forwardedFor(connection));
    }

    private static String forwardedFor(RemotingConnection connection) {
        if (!(connection.getTransportConnection() instanceof NettyConnection netty)) {
            return null;
        }
        var webSocket = netty.getChannel().pipeline().get(WebSocketServerHandler.class);
        HttpRequest handshake = webSocket == null ? null : webSocket.getHttpRequest();
        if (handshake == null) {
            return null;
        }
        var values = handshake.headers().getAll("X-Forwarded-For");
        return values.isEmpty() ? null : String.join(",", values);
    }
}
