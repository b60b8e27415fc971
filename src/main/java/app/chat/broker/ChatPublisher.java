package app.chat.broker;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;

/**
 * Sends JSON to room and user topics through the resource adapter, so that a send joins the
 * caller's JTA transaction: subscribers see it only if, and once, the transaction commits.
 * The connection factory ({@value #CONNECTION_FACTORY}, XA, on chat-ra) is defined in web.xml.
 */
@ApplicationScoped
public class ChatPublisher {

    static final String CONNECTION_FACTORY = "java:app/jms/chat";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    /**
     * Publishes to a topic address ({@link Destinations#roomTopic}, {@link Destinations#userTopic}).
     * Topic messages are not journaled: only live subscribers receive them, and history is in the database.
     */
    public void publish(String topicAddress, String json) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .send(context.createTopic(topicAddress), json);
        }
    }
}
