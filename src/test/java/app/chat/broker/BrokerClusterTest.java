package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.junit.jupiter.api.Test;

class BrokerClusterTest {

    private static final List<String> THREE = List.of("10.0.0.1:61616", "10.0.0.2:61616", "10.0.0.3:61616");

    @Test
    void aNodeAloneGetsNoClusterAndNoExtraPort() {
        Configuration configuration = new ConfigurationImpl();
        BrokerCluster.join(configuration, new BrokerCluster.Plan(List.of(), "127.0.0.1", 61616, null));
        assertTrue(configuration.getClusterConfigurations().isEmpty());
        assertTrue(configuration.getAcceptorConfigurations().isEmpty());
    }

    @Test
    void anEmptyEntryIsNoNode() {
        assertFalse(new BrokerCluster.Plan(List.of(" ", ""), "127.0.0.1", 61616, null).clustered());
    }

    @Test
    void aNodeConnectsToEveryOtherNodeAndListensForThemOnACoreOnlyAcceptor() {
        Configuration configuration = new ConfigurationImpl();
        BrokerCluster.join(configuration, new BrokerCluster.Plan(THREE, "10.0.0.2", 61616, "s3cret"));

        ClusterConnectionConfiguration cluster = configuration.getClusterConfigurations().get(0);
        Set<Object> others = cluster.getStaticConnectors().stream()
                .map(name -> configuration.getConnectorConfigurations().get(name).getParams().get("host"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("10.0.0.1", "10.0.0.3"), others);
        var self = configuration.getConnectorConfigurations().get(cluster.getConnectorName()).getParams();
        assertEquals("10.0.0.2", self.get("host"));
        assertEquals(61616, self.get("port"));
        assertEquals(1, configuration.getAcceptorConfigurations().size());
        TransportConfiguration acceptor = configuration.getAcceptorConfigurations().iterator().next();
        assertEquals(BrokerCluster.ACCEPTOR, acceptor.getName());
        assertEquals("CORE", acceptor.getParams().get("protocols"), "no browser protocol on the nodes' port");
        assertEquals("10.0.0.2", acceptor.getParams().get("host"));
        assertEquals(BrokerCluster.USER, configuration.getClusterUser());
        assertEquals("s3cret", configuration.getClusterPassword());
    }

    @Test
    void onlyTheFanOutCrossesNodesAndOnlyWhereSomeoneListens() {
        Configuration configuration = new ConfigurationImpl();
        BrokerCluster.join(configuration, new BrokerCluster.Plan(THREE, "10.0.0.1", 61616, "s3cret"));
        ClusterConnectionConfiguration cluster = configuration.getClusterConfigurations().get(0);
        // chat.send stays on the node a client sent to: its order (message groups) is that node's
        assertEquals(Set.of("chat.events", "chat.control", "user.", "rooms.public"), Set.of(cluster.getAddress().split(",")),
                "room topics are each node's own: their events cross as chat.events, to be put in seq order");
        assertEquals(MessageLoadBalancingType.ON_DEMAND, cluster.getMessageLoadBalancingType());
        assertEquals(-1, cluster.getReconnectAttempts(), "a node that is down is waited for, not given up");
        assertEquals(1, cluster.getMaxHops());
    }

    @Test
    void aClusterWithoutAPasswordDoesNotStart() {
        var e = assertThrows(IllegalStateException.class, () -> BrokerCluster.join(new ConfigurationImpl(),
                new BrokerCluster.Plan(THREE, "10.0.0.1", 61616, " ")));
        assertTrue(e.getMessage().contains("chat.cluster.password"), e.getMessage());
    }

    @Test
    void aNodeMustFindItselfInTheList() {
        var e = assertThrows(IllegalStateException.class, () -> BrokerCluster.join(new ConfigurationImpl(),
                new BrokerCluster.Plan(THREE, "10.0.0.9", 61616, "s3cret")));
        assertTrue(e.getMessage().contains("10.0.0.9:61616"), e.getMessage());
    }

    @Test
    void aNodeThatIsNotHostAndPortIsRefusedByName() {
        var e = assertThrows(IllegalStateException.class, () -> BrokerCluster.join(new ConfigurationImpl(),
                new BrokerCluster.Plan(List.of("10.0.0.1:61616", "10.0.0.2"), "10.0.0.1", 61616, "s3cret")));
        assertTrue(e.getMessage().contains("'10.0.0.2' is not host:port"), e.getMessage());
    }
}
