package app.chat.broker;

import app.chat.publish.Destinations;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Sees every message a browser sends to /app/chat.send, /app/chat.edit or /app/chat.delete before
 * the broker routes it, and
 * <ul>
 *   <li>stamps its sender ({@code _AMQ_VALIDATED_USER}) from the connection's login, never from
 *       the message (the broker's own populate-validated-user is off: it would stamp every message);</li>
 *   <li>makes it durable (STOMP sends are not, by default): once the broker has it, a crash does not lose it;</li>
 *   <li>drops client-set properties that mean something to the broker (duplicate id, group,
 *       scheduled delivery, expiry, priority);</li>
 *   <li>sets its message group to its authenticated sender and its room, so that one MDB session
 *       hands a person's messages to one room to the writer one after the other (they keep the order
 *       they were typed in) while everything else — other people, the same person's other rooms — is
 *       written together in one batch;</li>
 *   <li>stamps the address it was sent to ({@code chatSentTo}): broker.xml diverts edits and deletes
 *       to the chat.send queue, so that they share the group (an edit cannot overtake the send or the
 *       earlier edit before it), and the MDB tells them apart by this stamp.</li>
 * </ul>
 */
final class InboundGuard implements ActiveMQServerMessagePlugin {

    static final String GROUP_PREFIX = "sender-";
    private static final String[] STRIPPED = {
        Message.HDR_DUPLICATE_DETECTION_ID.toString(), Message.HDR_GROUP_ID.toString(),
        Message.HDR_GROUP_SEQUENCE.toString(), Message.HDR_SCHEDULED_DELIVERY_TIME.toString(),
        "JMSXGroupID", "JMSXGroupSeq", "JMSXUserID", "AMQ_SCHEDULED_DELAY", "AMQ_SCHEDULED_TIME",
        "_AMQ_ROUTING_TYPE", "_AMQ_ROUTE_TO", "_AMQ_ORIG_ADDRESS", "_AMQ_ORIG_QUEUE"};
    private static final SimpleString SENT_TO = SimpleString.of(Destinations.SENT_TO);

    private final RoomIdField roomIds;

    InboundGuard(JsonProvider json) {
        this.roomIds = new RoomIdField(json);
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        String address = message.getAddress();
        if (!Destinations.isCommand(address)
                || session.getRemotingConnection().getTransportConnection() instanceof InVMConnection) {
            return;
        }
        for (String name : STRIPPED) {
            message.removeProperty(name);
        }
        message.setDurable(true);
        message.setExpiration(0);
        message.setPriority((byte) 4);
        String sender = session.getUsername();
        message.setValidatedUserID(sender); // whatever the client put there is overwritten
        message.setGroupID(groupOf(sender, roomIdOf(bodyOf(message))));
        message.putStringProperty(SENT_TO, SimpleString.of(address)); // whatever the client put there too
    }

    static String groupOf(String sender, Long roomId) {
        return GROUP_PREFIX + sender + "/room-" + (roomId == null ? "none" : roomId);
    }

    /** See {@link RoomIdField}: only for the group; the MDB parses the whole body anyway. */
    Long roomIdOf(byte[] body) {
        return roomIds.of(body);
    }

    /** A STOMP SEND arrives as a core text message, or as bytes when the client set content-length. */
    private static byte[] bodyOf(Message message) {
        var core = message.toCore();
        ActiveMQBuffer buffer = core.getReadOnlyBodyBuffer();
        if (core.getType() == Message.TEXT_TYPE) {
            SimpleString text = buffer.readNullableSimpleString();
            return text == null ? new byte[0] : text.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }
}
