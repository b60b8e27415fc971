package app.chat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.publish.ChatPublisher.Outgoing;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which JMS session each publish goes through. The broker keeps one session's sends in order, not
 * two sessions' sends: the writer's batches, each room's events in seq order, must share one.
 */
class ChatPublisherTest {

    /** A send as the fake broker saw it: through which context, to which topic, what. */
    record Sent(int context, String topic, String body) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Set<Integer> closed = new HashSet<>();
    private int contexts;
    /** The send attempt (counted from 1 over all contexts) that fails as on a broken connection; 0: none. */
    private int failingSend;
    private int attempts;

    private final ChatPublisher publisher = publisher();

    @Test
    void batchAfterBatchGoesThroughOneKeptSession() {
        publisher.publishInOrder(batch("a1", "a2"));
        publisher.publishInOrder(batch("b1"));
        publisher.publishInOrder(batch("c1", "c2"));

        assertEquals(List.of(new Sent(1, "room.7", "a1"), new Sent(1, "room.7", "a2"), new Sent(1, "room.7", "b1"),
                new Sent(1, "room.7", "c1"), new Sent(1, "room.7", "c2")), sent);
        assertEquals(1, contexts);
        assertTrue(closed.isEmpty(), "the kept context stays open between batches");
    }

    @Test
    void aBrokenSessionIsReplacedAndTheBatchGoesOnFromItsFirstUnsentMessage() {
        publisher.publishInOrder(batch("a1"));
        failingSend = 3; // b2
        publisher.publishInOrder(batch("b1", "b2", "b3"));
        publisher.publishInOrder(batch("c1"));

        assertEquals(List.of(new Sent(1, "room.7", "a1"), new Sent(1, "room.7", "b1"),
                new Sent(2, "room.7", "b2"), new Sent(2, "room.7", "b3"), new Sent(2, "room.7", "c1")), sent);
        assertEquals(Set.of(1), closed);
    }

    @Test
    void closingTheChatClosesTheKeptSession() {
        publisher.publishInOrder(batch("a1"));
        publisher.close();
        assertEquals(Set.of(1), closed);
    }

    @Test
    void anUnorderedPublishTakesAPooledConnectionForTheCallAndGivesItBack() {
        publisher.publish(batch("a1"));
        publisher.publish(batch("b1"));

        assertEquals(List.of(new Sent(1, "room.7", "a1"), new Sent(2, "room.7", "b1")), sent);
        assertEquals(Set.of(1, 2), closed);
    }

    private static List<Outgoing> batch(String... bodies) {
        List<Outgoing> out = new ArrayList<>();
        for (String body : bodies) {
            out.add(new Outgoing("room.7", body, 1));
        }
        return out;
    }

    private ChatPublisher publisher() {
        ChatPublisher p = new ChatPublisher();
        p.connectionFactory = proxy(ConnectionFactory.class, (name, args) -> name.equals("createContext") ? newContext() : null);
        p.settings = new PublishSettings() {
            @Override
            public boolean clustered() {
                return false;
            }

            @Override
            public int knownTopics() {
                return 10;
            }
        };
        p.init();
        return p;
    }

    private JMSContext newContext() {
        int id = ++contexts;
        return proxy(JMSContext.class, (name, args) -> switch (name) {
            case "createProducer" -> newProducer(id);
            case "createTopic" -> (Topic) () -> (String) args[0];
            case "close" -> {
                closed.add(id);
                yield null;
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private JMSProducer newProducer(int context) {
        JMSProducer[] self = new JMSProducer[1];
        self[0] = proxy(JMSProducer.class, (name, args) -> switch (name) {
            case "setDeliveryMode", "setDisableMessageID" -> self[0];
            case "send" -> {
                if (++attempts == failingSend) {
                    throw new JMSRuntimeException("AMQ219010: Connection is destroyed");
                }
                sent.add(new Sent(context, ((Topic) args[0]).getTopicName(), new String((byte[]) args[1], StandardCharsets.UTF_8)));
                yield self[0];
            }
            default -> throw new UnsupportedOperationException(name);
        });
        return self[0];
    }

    interface Call {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Call call) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> call.answer(method.getName(), args));
    }
}
