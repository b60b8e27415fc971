package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.chat.publish.Destinations;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the broker's own route for typing notices puts in front of subscribers, on a real (in-VM,
 * non-persistent) broker: what the JMS publisher sends (the JSON's bytes, not durable, JMS' priority),
 * and in a cluster the room topic the relays deliver it to.
 */
class RoomRoutesTest {

    /** Artemis' audit log: a line per message at INFO (held, or the JUL logger and its level may be collected). */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    private ActiveMQServer server;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ClientSession session;

    @BeforeEach
    void start() throws Exception {
        AUDIT.setLevel(Level.WARNING);
        var configuration = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName()));
        configuration.setJMXManagementEnabled(false);
        server = new ActiveMQServerImpl(configuration);
        server.start();
        locator = ActiveMQClient.createServerLocatorWithoutHA(new TransportConfiguration(InVMConnectorFactory.class.getName()));
        factory = locator.createSessionFactory();
        session = factory.createSession();
        session.start();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        factory.close();
        locator.close();
        server.stop();
    }

    @Test
    void aNodeAloneRoutesANoticeToTheRoomTopicAsTheJsonBytes() throws Exception {
        ClientConsumer room = session.createConsumer(subscription("room.7"));
        byte[] typing = bytes("{\"type\":\"typing\",\"user\":\"alice\",\"roomId\":7}");

        new RoomRoutes(server, false).publish(7, typing);

        ClientMessage received = room.receive(5000);
        assertNotNull(received, "the room's subscriber got nothing");
        assertEquals(Message.BYTES_TYPE, received.getType());
        assertFalse(received.isDurable(), "a notice is for live subscribers only");
        assertArrayEquals(typing, body(received));
        assertNull(received.getStringProperty(Destinations.EVENT_TOPIC), "every property becomes a STOMP header");
    }

    @Test
    void aNoticeDoesNotFallBehindMessagesQueuedAfterIt() throws Exception {
        String queue = subscription("room.7");
        new RoomRoutes(server, false).publish(7, bytes("{\"type\":\"typing\"}"));
        ClientMessage jmsDefault = session.createMessage(Message.BYTES_TYPE, false);
        jmsDefault.setPriority((byte) jakarta.jms.Message.DEFAULT_PRIORITY); // what the JMS publisher's events carry
        jmsDefault.getBodyBuffer().writeBytes(bytes("{\"type\":\"message\"}"));
        try (var producer = session.createProducer("room.7")) {
            producer.send(jmsDefault);
        }

        ClientConsumer subscriber = session.createConsumer(queue); // both wait in the queue: it picks the order
        assertArrayEquals(bytes("{\"type\":\"typing\"}"), body(subscriber.receive(5000)));
        assertArrayEquals(bytes("{\"type\":\"message\"}"), body(subscriber.receive(5000)));
    }

    @Test
    void inAClusterANoticeGoesToTheRelaysAddressWithItsTopicAndNoSeq() throws Exception {
        ClientConsumer relay = session.createConsumer(subscription(Destinations.ROOM_EVENTS));
        ClientConsumer room = session.createConsumer(subscription("room.7"));

        new RoomRoutes(server, true).publish(7, bytes("{\"type\":\"typing\"}"));

        ClientMessage event = relay.receive(5000);
        assertNotNull(event);
        assertEquals("room.7", event.getStringProperty(Destinations.EVENT_TOPIC));
        assertFalse(event.containsProperty(Destinations.EVENT_SEQ), "a notice is not numbered");
        assertArrayEquals(bytes("{\"type\":\"typing\"}"), body(event));
        assertNull(room.receiveImmediate(), "the relay, not the router, hands room events to the topic");
    }

    @Test
    void theRelayDeliversOnlyToTopicsWithSubscribersHere() throws Exception {
        ClientConsumer room = session.createConsumer(subscription("room.7"));
        var routes = new RoomRoutes(server, true);

        assertDoesNotThrow(() -> routes.deliverHere("room.8", bytes("{}")), "room 8 has no subscriber on this node");
        routes.deliverHere("room.7", bytes("{\"seq\":3}"));

        assertArrayEquals(bytes("{\"seq\":3}"), body(room.receive(5000)));
    }

    /** A subscriber's queue on {@code address}, as a STOMP SUBSCRIBE makes one. */
    private String subscription(String address) throws Exception {
        String queue = address + ".subscriber";
        session.createQueue(QueueConfiguration.of(queue).setAddress(address).setRoutingType(RoutingType.MULTICAST).setDurable(false));
        return queue;
    }

    private static byte[] body(ClientMessage message) {
        assertNotNull(message, "nothing arrived");
        byte[] body = new byte[message.getBodySize()];
        message.getBodyBuffer().readBytes(body);
        return body;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
