package app.chat.broker;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Refuses STOMP frames larger than chat.stomp.max-frame-bytes with an ERROR frame and closes that
 * connection (only that one). Artemis caps single WebSocket frames; a STOMP frame assembled from
 * several WebSocket frames needs this check.
 */
final class FrameSizeGuard implements StompFrameInterceptor {

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
        if (size <= maxBytes) {
            return true;
        }
        connection.fail(new ActiveMQException(ActiveMQExceptionType.GENERIC_EXCEPTION,
                "STOMP frame of " + size + " bytes refused: the limit is " + maxBytes + " bytes"));
        return false;
    }
}
