package app.chat.broker;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.protocol.websocket.WebSocketServerHandler;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Refuses a decoded STOMP frame that is larger than chat.stomp.max-frame-bytes (a binary body with
 * NULs in it can pass {@link StompStreamLimiter}) or has more than {@link #MAX_HEADERS} headers,
 * with an ERROR frame, closing that connection only.
 */
final class FrameSizeGuard implements StompFrameInterceptor {

    static final int MAX_HEADERS = 64;

    private final int maxBytes;

    FrameSizeGuard(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean intercept(StompFrame frame, RemotingConnection connection) {
        long size = frame.getCommand().length() + frame.getBodyAsBytes().length;
        for (var header : frame.getHeadersMap().entrySet()) {
            size += header.getKey().length() + header.getValue().length() + 2;
        }
        if (frame.getHeadersMap().size() > MAX_HEADERS) {
            refuse(connection, "STOMP frame with " + frame.getHeadersMap().size() + " headers refused: the limit is " + MAX_HEADERS);
            return false;
        }
        if (size > maxBytes) {
            refuse(connection, "STOMP frame of " + size + " bytes refused: the limit is " + maxBytes + " bytes");
            return false;
        }
        return true;
    }

    private static void refuse(RemotingConnection connection, String problem) {
        if (connection.getTransportConnection() instanceof NettyConnection netty) {
            var channel = netty.getChannel();
            StompStreamLimiter.refuse(channel, channel.pipeline().get(WebSocketServerHandler.class) != null, problem);
        } else {
            connection.fail(new ActiveMQException(ActiveMQExceptionType.GENERIC_EXCEPTION, problem));
        }
    }
}
