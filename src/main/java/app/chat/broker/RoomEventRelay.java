package app.chat.broker;

import app.chat.publish.Destinations;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.MessageHandler;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A cluster node's delivery of room events: every node's publishers send them to
 * {@link Destinations#ROOM_EVENTS}, the cluster carries that address to every node (one copy each),
 * and here one consumer per node takes them in arrival order and hands each room's to this node's
 * subscribers in seq order ({@link RoomSequencer}), once. The room topics themselves are not
 * clustered: only this relay feeds them, so a subscriber never gets a second copy the cluster
 * forwarded on its own.
 */
final class RoomEventRelay implements MessageHandler {

    static final String ADDRESS = Destinations.ROOM_EVENTS;
    private static final System.Logger LOG = System.getLogger(RoomEventRelay.class.getName());

    private final ActiveMQServer server;
    private final RoomRoutes routes;
    private final RoomSequencer<byte[]> sequencer;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ClientSession session;
    private ScheduledFuture<?> expiry;

    RoomEventRelay(ActiveMQServer server, RoomRoutes routes, Duration wait, long maxRooms) {
        this.server = server;
        this.routes = routes;
        this.sequencer = new RoomSequencer<>(wait, maxRooms);
    }

    void start() throws Exception {
        SimpleString address = SimpleString.of(Destinations.ROOM_EVENTS);
        // not durable: room events are not journaled anywhere (history is in the database)
        String queue = Destinations.ROOM_EVENTS + "." + server.getNodeID();
        AddressSettings settings = new AddressSettings().setAutoDeleteAddresses(false).setAutoDeleteQueues(false);
        server.getAddressSettingsRepository().addMatch(Destinations.ROOM_EVENTS + ".#", settings);
        server.getAddressSettingsRepository().addMatch(Destinations.ROOM_EVENTS, settings);
        server.createQueue(QueueConfiguration.of(queue).setAddress(address).setRoutingType(RoutingType.MULTICAST)
                .setDurable(false).setAutoCreateAddress(true), true);
        locator = ActiveMQClient.createServerLocatorWithoutHA(new TransportConfiguration(InVMConnectorFactory.class.getName()));
        factory = locator.createSessionFactory();
        session = factory.createSession(true, true);
        session.createConsumer(queue).setMessageHandler(this);
        session.start();
        expiry = server.getScheduledPool().scheduleWithFixedDelay(this::expire, 20, 20, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "Cluster: room events relayed through {0}", queue);
    }

    @Override
    public void onMessage(ClientMessage message) {
        try {
            SimpleString topic = message.getSimpleStringProperty(RoomRoutes.topicProperty());
            long seq = message.containsProperty(RoomRoutes.seqProperty()) ? message.getLongProperty(RoomRoutes.seqProperty()) : 0;
            ActiveMQBuffer buffer = message.getBodyBuffer();
            byte[] body = new byte[buffer.readableBytes()];
            buffer.readBytes(body);
            if (topic != null) {
                synchronized (this) {
                    deliver(sequencer.accept(topic.toString(), seq, body, System.nanoTime()));
                }
            }
            message.acknowledge();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not relay a room event: " + e);
        }
    }

    private void expire() {
        try {
            synchronized (this) {
                deliver(sequencer.expire(System.nanoTime()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release held room events: " + e);
        }
    }

    private void deliver(List<RoomSequencer.Release<byte[]>> releases) {
        for (RoomSequencer.Release<byte[]> r : releases) {
            try {
                routes.deliverHere(r.topic(), r.event());
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Could not deliver a room event to {0}: {1}", r.topic(), e);
            }
        }
    }

    /** Events dropped as copies of delivered ones, and gaps given up on (read from history by clients). */
    long[] counts() {
        synchronized (this) {
            return new long[] {sequencer.dropped(), sequencer.gaps()};
        }
    }

    void stop() {
        if (expiry != null) {
            expiry.cancel(false);
        }
        try {
            if (session != null) {
                session.close();
            }
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "Closing the relay's session: " + e);
        }
        if (factory != null) {
            factory.close();
        }
        if (locator != null) {
            locator.close();
        }
    }
}
