package app.chat.broker;

import app.chat.publish.ChatPublisher.Outgoing;
import app.chat.publish.DirectRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

/**
 * The message writer's committed batches, routed by the post office as the broker's own typing
 * notices are ({@link RoomRoutes}): the same bytes, topics and cluster properties as the JMS
 * publisher's, on the writer's thread, without a JMS session. STOMP subscribers never take a
 * delivery on the routing thread, so the deliveries stay on the broker's executors either way.
 */
@ApplicationScoped
public class BrokerDirectRoute implements DirectRoute {

    private static final System.Logger LOG = System.getLogger(BrokerDirectRoute.class.getName());

    @Inject
    BrokerLifecycle lifecycle;

    @Inject
    BrokerSettings settings;

    private volatile RoomRoutes routes;

    @Override
    public int route(List<Outgoing> messages) {
        RoomRoutes r = routes();
        if (r == null) {
            return 0;
        }
        for (int i = 0; i < messages.size(); i++) {
            Outgoing m = messages.get(i);
            try {
                r.publish(m.topicAddress(), m.json().getBytes(StandardCharsets.UTF_8), m.seq());
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Routing " + m.topicAddress() + " failed; the rest of the batch goes through JMS", e);
                return i;
            }
        }
        return messages.size();
    }

    /** Made once the broker runs; the broker lives as long as the application, and this bean with it. */
    private RoomRoutes routes() {
        RoomRoutes r = routes;
        if (r == null) {
            ActiveMQServer server = lifecycle.server();
            if (server == null || !server.isActive()) {
                return null;
            }
            r = new RoomRoutes(server, settings.cluster().clustered());
            routes = r;
            LOG.log(Level.INFO, "The message writer routes its events through the broker's post office");
        }
        return r;
    }
}
