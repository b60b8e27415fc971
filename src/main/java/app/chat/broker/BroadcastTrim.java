package app.chat.broker;

import app.chat.publish.Destinations;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Strips what the application's JMS producer adds to every room and user event and no browser
 * uses, once at send, before the broker copies the message to each subscriber: every property
 * becomes a STOMP header in each of a room's N deliveries, and encoding those headers is most of
 * what a delivery costs. Gone: the JMS connection id, which JMS adds for its noLocal and no
 * subscriber here can ask for.
 */
final class BroadcastTrim implements ActiveMQServerMessagePlugin {

    static final SimpleString JMS_CONNECTION_ID = SimpleString.of("__AMQ_CID");

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        if (session.getRemotingConnection().getTransportConnection() instanceof InVMConnection
                && Destinations.isTopic(message.getAddress())) {
            trim(message);
        }
    }

    static void trim(Message message) {
        message.removeProperty(JMS_CONNECTION_ID);
    }
}
