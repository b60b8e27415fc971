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
import org.apache.activemq.artemis.api.core.SimpleString;
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
 * What the broker's own routes put in front of subscribers, on a real (in-VM, non-persistent)
 * broker: the message writer's events go this way, so they must be what the JMS
 * publisher sent: the JSON's bytes, not durable, and in a cluster the room topic and seq the relays
 * order by.
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
    void aUserEventReachesTheUsersSubscribersAsTheJsonBytes() throws Exception {
        ClientConsumer alice = subscribe("user.alice");
        byte[] ack = "{\"type\":\"ack\",\"seq\":3}".getBytes(StandardCharsets.UTF_8);

        new RoomRoutes(server, false).publish("user.alice", ack, 0);

        ClientMessage received = alice.receive(5000);
        assertNotNull(received, "the user's subscriber got nothing");
        assertEquals(Message.BYTES_TYPE, received.getType());
        assertFalse(received.isDurable(), "an event is for live subscribers only: history is in the database");
        assertEquals(jakarta.jms.Message.DEFAULT_PRIORITY, received.getPriority(),
                "a queue delivers by priority first: the JMS publisher's events and these must rank the same");
        assertArrayEquals(ack, body(received));
    }

    @Test
    void aNodeAloneRoutesARoomEventToItsTopicWithoutClusterProperties() throws Exception {
        ClientConsumer room = subscribe("room.7");

        new RoomRoutes(server, false).publish("room.7", bytes("{\"seq\":12}"), 12);

        ClientMessage received = room.receive(5000);
        assertNotNull(received);
        assertArrayEquals(bytes("{\"seq\":12}"), body(received));
        assertNull(received.getObjectProperty(SimpleString.of(Destinations.EVENT_SEQ)),
                "every property becomes a STOMP header in each delivery");
    }

    @Test
    void inAClusterRoomEventsGoToTheRelaysAddressWithTheirTopicAndSeq() throws Exception {
        ClientConsumer relay = subscribe(Destinations.ROOM_EVENTS);
        ClientConsumer room = subscribe("room.7");
        var routes = new RoomRoutes(server, true);

        routes.publish("room.7", bytes("{\"seq\":12}"), 12);
        routes.publish(7, bytes("{\"type\":\"typing\"}"));

        ClientMessage event = relay.receive(5000);
        assertNotNull(event);
        assertEquals("room.7", event.getStringProperty(Destinations.EVENT_TOPIC));
        assertEquals(12L, event.getLongProperty(Destinations.EVENT_SEQ));
        assertArrayEquals(bytes("{\"seq\":12}"), body(event));
        ClientMessage typing = relay.receive(5000);
        assertNotNull(typing);
        assertFalse(typing.containsProperty(Destinations.EVENT_SEQ), "a typing notice has no seq");
        assertNull(room.receiveImmediate(), "the relay, not the router, hands room events to the topic");
    }

    @Test
    void anEventForATopicWithoutSubscribersIsDroppedQuietly() throws Exception {
        assertDoesNotThrow(() -> new RoomRoutes(server, false).publish("user.nobody", bytes("{}"), 0));
        assertDoesNotThrow(() -> new RoomRoutes(server, true).publish("room.8", bytes("{}"), 1));
    }

    private ClientConsumer subscribe(String address) throws Exception {
        String queue = address + ".subscriber";
        session.createQueue(QueueConfiguration.of(queue).setAddress(address).setRoutingType(RoutingType.MULTICAST).setDurable(false));
        return session.createConsumer(queue);
    }

    private static byte[] body(ClientMessage message) {
        byte[] body = new byte[message.getBodySize()];
        message.getBodyBuffer().readBytes(body);
        return body;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
