package app.chat.publish;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends JSON to room and user topics through the resource adapter. Called in a JTA transaction,
 * a send joins it (subscribers see it only if, and once, the transaction commits); called outside
 * one (the message writer, after its commit), the messages leave at once, in the order given.
 * The connection factory ({@value #CONNECTION_FACTORY}, XA, on chat-ra) is defined in web.xml.
 */
@ApplicationScoped
public class ChatPublisher {

    static final String CONNECTION_FACTORY = "java:app/jms/chat";
    private static final System.Logger LOG = System.getLogger(ChatPublisher.class.getName());

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    PublishSettings settings;

    private KnownTopics knownTopics;
    private final KeptContext inOrder = new KeptContext();

    @PostConstruct
    void init() {
        knownTopics = new KnownTopics(settings.knownTopics());
    }

    /**
     * One message for a topic address ({@link Destinations#roomTopic}, {@link Destinations#userTopic});
     * a room event carries its seq (0: not numbered, such as presence), by which a cluster's nodes put
     * a room's events back in order.
     */
    public record Outgoing(String topicAddress, String json, long seq) {

        public Outgoing(String topicAddress, String json) {
            this(topicAddress, json, 0);
        }
    }

    /**
     * Publishes to topic addresses, all through one connection handle: one pooled connection and
     * one enlistment in the transaction per call, not one per message.
     * Topic messages are not journaled: only live subscribers receive them, and history is in the database.
     * They are sent as UTF-8 bytes, which the broker copies into each subscriber's STOMP frame as they
     * are (a JMS text message would be decoded and encoded again per subscriber), without a JMS
     * message id (STOMP's message-id header is the broker's own).
     */
    public void publish(List<Outgoing> messages) {
        int[] sent = {0};
        try {
            publishOnce(messages, sent);
        } catch (IllegalStateRuntimeException closed) {
            // WildFly's connection pool has been seen to hand out a connection whose session it was
            // destroying at that moment ("AMQ219019: Session is closed", at createProducer): once more,
            // on another connection, from the first message that did not go out
            LOG.log(Level.DEBUG, "Publishing again after " + sent[0] + " of " + messages.size() + ": " + closed.getMessage());
            publishOnce(messages, sent);
        }
    }

    private void publishOnce(List<Outgoing> messages, int[] sent) {
        try (JMSContext context = connectionFactory.createContext()) {
            send(context, messages, sent);
        }
    }

    /**
     * Like {@link #publish}, and in the order of the calls too, not only within one call: what the
     * message writer publishes, a room's events batch after batch, must reach subscribers in seq order.
     * Each {@code createContext()} gets whichever pooled connection is free, and the broker handles
     * each connection's sends on an executor of its own, without the sender waiting for non-persistent
     * ones: two batches on two connections can be routed in either order (the bench saw it once the
     * writer was fast). So these go through one context, kept between calls and used by one caller at
     * a time. Never called in a transaction (the writer publishes after its commit).
     */
    public void publishInOrder(List<Outgoing> messages) {
        int[] sent = {0};
        synchronized (inOrder) {
            try {
                send(inOrder.context(), messages, sent);
            } catch (JMSRuntimeException broken) {
                // the kept connection is gone (the pool destroyed it, the broker restarted): once more,
                // on a new one, from the first message that did not go out
                LOG.log(Level.DEBUG, "Publishing in order again after " + sent[0] + " of " + messages.size() + ": " + broken.getMessage());
                inOrder.close();
                send(inOrder.context(), messages, sent);
            }
        }
    }

    @PreDestroy
    void close() {
        synchronized (inOrder) {
            inOrder.close();
        }
    }

    /** The context {@link #publishInOrder} keeps; guarded by itself. */
    private final class KeptContext {

        private JMSContext context;

        JMSContext context() {
            if (context == null) {
                context = connectionFactory.createContext();
            }
            return context;
        }

        void close() {
            if (context != null) {
                try {
                    context.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "Closing the kept publishing context: " + e.getMessage());
                }
                context = null;
            }
        }
    }

    private void send(JMSContext context, List<Outgoing> messages, int[] sent) {
        try {
            var producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setDisableMessageID(true);
            Topic roomEvents = settings.clustered() ? context.createTopic(Destinations.ROOM_EVENTS) : null;
            for (int i = sent[0]; i < messages.size(); i++) {
                Outgoing m = messages.get(i);
                byte[] body = m.json().getBytes(StandardCharsets.UTF_8);
                if (roomEvents != null && Destinations.roomOf(m.topicAddress()).isPresent()) {
                    // in a cluster, each node's relay hands room events to its subscribers in seq order
                    BytesMessage event = context.createBytesMessage();
                    event.writeBytes(body);
                    event.setStringProperty(Destinations.EVENT_TOPIC, m.topicAddress());
                    if (m.seq() > 0) {
                        event.setLongProperty(Destinations.EVENT_SEQ, m.seq());
                    }
                    producer.send(roomEvents, event);
                } else {
                    producer.send(knownTopics.topic(m.topicAddress(), context::createTopic), body);
                }
                sent[0] = i + 1;
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * Queues a command the server made on {@link Destinations#CHAT_SEND}, durable, within the caller's
     * transaction: it reaches the MDB only if, and once, the transaction commits. It is marked
     * {@code sentTo} (see {@link Destinations#SENT_TO}) and grouped by {@code group}, so that the MDB
     * takes one group's commands in commit order. The connection is in-VM, which the broker's
     * InboundGuard leaves as it is.
     */
    public void queueCommand(String sentTo, String group, String json) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setProperty(Destinations.SENT_TO, sentTo)
                    .setProperty("JMSXGroupID", group)
                    .send(context.createQueue(Destinations.CHAT_SEND), json);
        }
    }
}
