package app.chat.broker;

import jakarta.json.stream.JsonParser;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Sees every message a browser sends to /app/chat.send before the broker routes it, and
 * <ul>
 *   <li>makes it durable (STOMP sends are not, by default): once the broker has it, a crash does not lose it;</li>
 *   <li>drops client-set properties that mean something to the broker (duplicate id, group,
 *       scheduled delivery, expiry, priority);</li>
 *   <li>sets its message group to its room, so that one MDB session handles a room's messages
 *       one after the other: per-room order with MDB sessions working on different rooms in parallel.</li>
 * </ul>
 */
final class InboundGuard implements ActiveMQServerMessagePlugin {

    static final String GROUP_PREFIX = "room-";
    private static final String[] STRIPPED = {
        Message.HDR_DUPLICATE_DETECTION_ID.toString(), Message.HDR_GROUP_ID.toString(),
        Message.HDR_GROUP_SEQUENCE.toString(), Message.HDR_SCHEDULED_DELIVERY_TIME.toString(),
        "JMSXGroupID", "JMSXGroupSeq", "JMSXUserID", "AMQ_SCHEDULED_DELAY", "AMQ_SCHEDULED_TIME",
        "_AMQ_ROUTING_TYPE", "_AMQ_ROUTE_TO", "_AMQ_ORIG_ADDRESS", "_AMQ_ORIG_QUEUE"};
    private static final SimpleString CHAT_SEND = SimpleString.of(Destinations.CHAT_SEND);

    private final JsonProvider json;

    InboundGuard(JsonProvider json) {
        this.json = json;
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        if (!CHAT_SEND.equals(message.getAddressSimpleString())
                || session.getRemotingConnection().getTransportConnection() instanceof InVMConnection) {
            return;
        }
        for (String name : STRIPPED) {
            message.removeProperty(name);
        }
        message.setDurable(true);
        message.setExpiration(0);
        message.setPriority((byte) 4);
        message.setGroupID(GROUP_PREFIX + roomIdOf(message));
    }

    /** The roomId field of the JSON body, or "none": such a message is rejected by the MDB anyway. */
    String roomIdOf(Message message) {
        String body = bodyOf(message);
        if (body == null) {
            return "none";
        }
        try (JsonParser parser = json.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return "none";
            }
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME && "roomId".equals(parser.getString())) {
                    return parser.next() == JsonParser.Event.VALUE_NUMBER ? parser.getString() : "none";
                }
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    skip(parser, event);
                }
            }
        } catch (RuntimeException malformed) {
            // the MDB tells the sender INVALID_JSON
        }
        return "none";
    }

    private static void skip(JsonParser parser, JsonParser.Event start) {
        if (start == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else {
            parser.skipArray();
        }
    }

    /** A STOMP SEND arrives as a core text message, or as bytes when the client set content-length. */
    private static String bodyOf(Message message) {
        var core = message.toCore();
        ActiveMQBuffer buffer = core.getReadOnlyBodyBuffer();
        if (core.getType() == Message.TEXT_TYPE) {
            SimpleString text = buffer.readNullableSimpleString();
            return text == null ? null : text.toString();
        }
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
