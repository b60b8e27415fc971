package app.chat.broker;

import app.chat.publish.Destinations;
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
 *   <li>sets its message group to its authenticated sender, so that one MDB session hands a sender's
 *       messages to the writer one after the other (a person's messages keep the order they were
 *       typed in) while many senders, of one room or of many, are written together in one batch.
 *       The group comes from the connection's login, never from the body.</li>
 * </ul>
 */
final class InboundGuard implements ActiveMQServerMessagePlugin {

    static final String GROUP_PREFIX = "sender-";
    private static final String[] STRIPPED = {
        Message.HDR_DUPLICATE_DETECTION_ID.toString(), Message.HDR_GROUP_ID.toString(),
        Message.HDR_GROUP_SEQUENCE.toString(), Message.HDR_SCHEDULED_DELIVERY_TIME.toString(),
        "JMSXGroupID", "JMSXGroupSeq", "JMSXUserID", "AMQ_SCHEDULED_DELAY", "AMQ_SCHEDULED_TIME",
        "_AMQ_ROUTING_TYPE", "_AMQ_ROUTE_TO", "_AMQ_ORIG_ADDRESS", "_AMQ_ORIG_QUEUE"};
    private static final SimpleString CHAT_SEND = SimpleString.of(Destinations.CHAT_SEND);

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
        message.setGroupID(GROUP_PREFIX + session.getUsername());
    }
}
