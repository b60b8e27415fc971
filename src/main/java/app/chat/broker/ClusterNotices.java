package app.chat.broker;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ClusterTopologyListener;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.client.TopologyMember;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.ClusterConnection;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * What one node of a cluster tells the others so that what a user expects of "the chat" holds on
 * every node, not only the one that handled a request: a left room's subscriptions end, a signed-out
 * session's connections close, presence counts every node's connections, the login throttle counts
 * every node's failures. A notice goes to
 * {@link #ADDRESS}, which the cluster carries to every node (not durable: a node that is down
 * misses it, and has no connections to act on). Each node hears the others' notices, not its own.
 */
public final class ClusterNotices implements ClusterTopologyListener {

    static final String ADDRESS = "chat.control";
    /** Fields of a notice. */
    static final String USER = "chatUser";
    static final String ROOM = "chatRoom";
    static final String SESSION = "chatSession";
    static final String CLIENT_ADDRESS = "chatClientAddress";
    private static final SimpleString KIND = SimpleString.of("chatNotice");
    private static final SimpleString ORIGIN = SimpleString.of("chatOrigin");

    /** The notices; their fields are message properties, a list (users online) the body. */
    public enum Kind { LEFT_ROOM, SIGNED_OUT, PASSWORD_CHANGED, ONLINE, OFFLINE, ONLINE_HERE, LOGIN_FAILED, LOGIN_SUCCEEDED }

    /** What a node does with the others' notices and the cluster's comings and goings. */
    public interface Receiver {
        void notice(Kind kind, String origin, Map<String, String> fields, List<String> users);

        /** Another node joined (or came back): it needs to hear who is online here. */
        void nodeUp(String node);

        /** Another node left: what it said (its users online) no longer holds; {@code announce}: this node speaks for the rest. */
        void nodeDown(String node, boolean announce);
    }

    private static final System.Logger LOG = System.getLogger(ClusterNotices.class.getName());

    private final ActiveMQServer server;
    private final Receiver receiver;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ClientSession listening;
    private ClientSession sending;
    private ClientProducer producer;
    private ClusterConnection cluster;

    ClusterNotices(ActiveMQServer server, Receiver receiver) {
        this.server = server;
        this.receiver = receiver;
    }

    void start() throws Exception {
        String queue = ADDRESS + "." + server.getNodeID();
        AddressSettings settings = new AddressSettings().setAutoDeleteAddresses(false).setAutoDeleteQueues(false);
        server.getAddressSettingsRepository().addMatch(ADDRESS + ".#", settings);
        server.getAddressSettingsRepository().addMatch(ADDRESS, settings);
        server.createQueue(QueueConfiguration.of(queue).setAddress(ADDRESS).setRoutingType(RoutingType.MULTICAST)
                .setDurable(false).setAutoCreateAddress(true), true);
        locator = ActiveMQClient.createServerLocatorWithoutHA(new TransportConfiguration(InVMConnectorFactory.class.getName()));
        factory = locator.createSessionFactory();
        listening = factory.createSession(true, true);
        listening.createConsumer(queue).setMessageHandler(this::onMessage);
        listening.start();
        sending = factory.createSession(true, true);
        producer = sending.createProducer(ADDRESS);
        cluster = server.getClusterManager().getClusterConnection(BrokerCluster.CONNECTION);
        if (cluster != null) {
            cluster.addClusterTopologyListener(this);
        }
    }

    /** Tells the other nodes; a failure is logged (their state catches up when the user acts again). */
    synchronized void tell(Kind kind, Map<String, String> fields, Collection<String> users) {
        try {
            ClientMessage message = sending.createMessage(false);
            message.putStringProperty(KIND, SimpleString.of(kind.name()));
            message.putStringProperty(ORIGIN, SimpleString.of(server.getNodeID().toString()));
            fields.forEach((name, value) -> message.putStringProperty(name, value));
            if (!users.isEmpty()) {
                message.getBodyBuffer().writeBytes(String.join("\n", users).getBytes(StandardCharsets.UTF_8));
            }
            producer.send(message);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not tell the other nodes " + kind + " " + fields + ": " + e);
        }
    }

    private void onMessage(ClientMessage message) {
        try {
            String origin = String.valueOf(message.getStringProperty(ORIGIN));
            if (!origin.equals(server.getNodeID().toString())) {
                Kind kind = Kind.valueOf(message.getStringProperty(KIND));
                Map<String, String> fields = message.getPropertyNames().stream()
                        .filter(name -> !name.equals(KIND) && !name.equals(ORIGIN) && !name.toString().startsWith("_"))
                        .collect(Collectors.toMap(SimpleString::toString, name -> String.valueOf(message.getObjectProperty(name))));
                ActiveMQBuffer buffer = message.getBodyBuffer();
                byte[] body = new byte[buffer.readableBytes()];
                buffer.readBytes(body);
                List<String> users = body.length == 0 ? List.of()
                        : Arrays.asList(new String(body, StandardCharsets.UTF_8).split("\n"));
                receiver.notice(kind, origin, fields, users);
            }
            message.acknowledge();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not act on a notice of another node: " + e);
        }
    }

    @Override
    public void nodeUP(TopologyMember member, boolean last) {
        if (!member.getNodeId().equals(server.getNodeID().toString())) {
            receiver.nodeUp(member.getNodeId());
        }
    }

    @Override
    public void nodeDown(long eventUID, String nodeID) {
        if (nodeID.equals(server.getNodeID().toString())) {
            return;
        }
        // one survivor announces the users who went offline with the node: the one with the lowest id
        String self = server.getNodeID().toString();
        boolean announce = cluster == null || cluster.getTopology().getMembers().stream()
                .map(TopologyMember::getNodeId)
                .filter(id -> !id.equals(nodeID))
                .allMatch(id -> self.compareTo(id) <= 0);
        receiver.nodeDown(nodeID, announce);
    }

    void stop() {
        if (cluster != null) {
            cluster.removeClusterTopologyListener(this);
        }
        for (ClientSession session : new ClientSession[] {listening, sending}) {
            try {
                if (session != null) {
                    session.close();
                }
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Closing a notice session: " + e);
            }
        }
        if (factory != null) {
            factory.close();
        }
        if (locator != null) {
            locator.close();
        }
    }
}
