package app.chat.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;

/**
 * Makes this node's broker one of a symmetric Artemis cluster: a core-protocol acceptor for the
 * other nodes, a connector to each of them, and one cluster connection over static connectors.
 *
 * <p>What crosses nodes is the fan-out only: room events, user and public-room topics ({@link #CLUSTERED}),
 * forwarded to a node only while it has a consumer there (ON_DEMAND), one copy per node. The
 * command queues ({@code chat.send} …) stay on the node a client sent to: its MDBs store the message
 * in the shared database, so every node may write, and a sender's message group (their order)
 * never has to be agreed between brokers.
 */
final class BrokerCluster {

    /** The acceptor the other nodes connect to; not a browser's (no STOMP on it). */
    static final String ACCEPTOR = "cluster";
    static final String CONNECTION = "chat-cluster";
    /** Artemis' cluster user: the nodes authenticate to each other with chat.cluster.password as this user. */
    static final String USER = "chat-cluster-node";
    /**
     * Address prefixes that cross nodes; the rest (chat.send, its dead letters, the notifications)
     * stay on their node. Room events cross as chat.events, which each node's {@link RoomEventRelay}
     * hands to its room subscribers in seq order; the room topics themselves are each node's own.
     * chat.control carries the nodes' {@link ClusterNotices} (revocations, presence).
     */
    static final String CLUSTERED = RoomEventRelay.ADDRESS + "," + ClusterNotices.ADDRESS + ",user.,rooms.public";

    private BrokerCluster() {
    }

    /** A node of a cluster: every node's host:port (this one's included) and this node's own. */
    record Plan(List<String> nodes, String host, int port, String password) {

        Plan {
            nodes = nodes.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        }

        boolean clustered() {
            return !nodes.isEmpty();
        }

        String self() {
            return host + ":" + port;
        }

        /** The other nodes, as given; fails the start on settings that cannot make a cluster. */
        List<String> others() {
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("chat.cluster.nodes is set but chat.cluster.password is not:"
                        + " the nodes authenticate to each other with it (the same secret on every node)");
            }
            if (!nodes.contains(self())) {
                throw new IllegalStateException("chat.cluster.nodes " + nodes + " does not list this node's own"
                        + " chat.cluster.host:chat.cluster.port (" + self() + ")");
            }
            for (String node : nodes) {
                hostAndPort(node);
            }
            return nodes.stream().filter(n -> !n.equals(self())).distinct().toList();
        }
    }

    /** Adds the cluster to a configuration read from broker.xml; nothing when the plan has no nodes. */
    static void join(Configuration configuration, Plan plan) {
        if (!plan.clustered()) {
            return;
        }
        List<String> others = plan.others();
        configuration.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                Map.of(TransportConstants.HOST_PROP_NAME, plan.host(),
                        TransportConstants.PORT_PROP_NAME, plan.port(),
                        TransportConstants.PROTOCOLS_PROP_NAME, "CORE"), ACCEPTOR));
        configuration.addConnectorConfiguration("node-self", connector(plan.self(), "node-self"));
        List<String> connectorNames = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            String name = "node-" + (i + 1);
            configuration.addConnectorConfiguration(name, connector(others.get(i), name));
            connectorNames.add(name);
        }
        configuration.setClusterUser(USER);
        configuration.setClusterPassword(plan.password());
        configuration.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName(CONNECTION)
                .setAddress(CLUSTERED)
                .setConnectorName("node-self")
                .setStaticConnectors(connectorNames)
                .setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND)
                .setMaxHops(1)
                .setDuplicateDetection(true)
                // a node that is down (killed, restarting) is retried for ever, every second at most
                .setRetryInterval(500)
                .setRetryIntervalMultiplier(2.0)
                .setMaxRetryInterval(1000)
                .setReconnectAttempts(-1)
                .setInitialConnectAttempts(-1));
    }

    private static TransportConfiguration connector(String node, String name) {
        String[] hostPort = hostAndPort(node);
        return new TransportConfiguration(NettyConnectorFactory.class.getName(),
                Map.of(TransportConstants.HOST_PROP_NAME, hostPort[0],
                        TransportConstants.PORT_PROP_NAME, Integer.parseInt(hostPort[1])), name);
    }

    private static String[] hostAndPort(String node) {
        int colon = node.lastIndexOf(':');
        if (colon <= 0 || colon == node.length() - 1 || !node.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            throw new IllegalStateException("chat.cluster.nodes: '" + node + "' is not host:port");
        }
        return new String[] {node.substring(0, colon), node.substring(colon + 1)};
    }
}
