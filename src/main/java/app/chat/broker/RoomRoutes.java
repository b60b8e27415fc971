package app.chat.broker;

import app.chat.publish.Destinations;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

/**
 * How the broker's own code (typing notices, the cluster's relay) puts an event in front of a room's
 * subscribers: as the application's publisher does, UTF-8 bytes, not durable, through the post office.
 * Alone, a node routes to the room topic; in a cluster, room events go to {@link Destinations#ROOM_EVENTS}
 * and each node's {@link RoomEventRelay} delivers them to its own subscribers.
 */
final class RoomRoutes {

    private static final SimpleString ROOM_EVENTS = SimpleString.of(Destinations.ROOM_EVENTS);
    private static final SimpleString EVENT_TOPIC = SimpleString.of(Destinations.EVENT_TOPIC);
    private static final SimpleString EVENT_SEQ = SimpleString.of(Destinations.EVENT_SEQ);

    private static final byte JMS_DEFAULT_PRIORITY = 4;

    private final ActiveMQServer server;
    private final boolean clustered;

    RoomRoutes(ActiveMQServer server, boolean clustered) {
        this.server = server;
        this.clustered = clustered;
    }

    /** An event for a room's subscribers, wherever they are connected (seq 0: not numbered). */
    void publish(long roomId, byte[] body) throws Exception {
        String topic = Destinations.roomTopic(roomId);
        if (!clustered) {
            deliverHere(topic, body);
            return;
        }
        CoreMessage message = message(ROOM_EVENTS, body);
        message.putStringProperty(EVENT_TOPIC, SimpleString.of(topic));
        server.getPostOffice().route(message, false);
    }

    /** An event for this node's subscribers of a topic only (none: the topic has no address here). */
    void deliverHere(String topic, byte[] body) throws Exception {
        SimpleString address = SimpleString.of(topic);
        if (clustered && server.getPostOffice().getAddressInfo(address) == null) {
            return; // the relay sees every room's events; most have no subscriber on this node
        }
        server.getPostOffice().route(message(address, body), false);
    }

    static SimpleString topicProperty() {
        return EVENT_TOPIC;
    }

    static SimpleString seqProperty() {
        return EVENT_SEQ;
    }

    private CoreMessage message(SimpleString address, byte[] body) {
        CoreMessage message = new CoreMessage(server.getStorageManager().generateID(), body.length + 64);
        message.setType(Message.BYTES_TYPE);
        message.getBodyBuffer().writeBytes(body);
        message.setAddress(address);
        message.setRoutingType(RoutingType.MULTICAST);
        message.setDurable(false);
        // JMS' default: a subscriber's queue delivers by priority first, so a typing notice must not
        // rank below the events the JMS publisher sends to the same room (it would arrive after them)
        message.setPriority(JMS_DEFAULT_PRIORITY);
        message.setTimestamp(System.currentTimeMillis());
        return message;
    }
}
