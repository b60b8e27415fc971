package app.chat.broker;

import app.chat.publish.Destinations;
import java.util.List;
import java.util.Map;
import app.chat.room.MembershipEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.apache.activemq.artemis.core.persistence.impl.journal.OperationContextImpl;
import org.apache.activemq.artemis.core.security.impl.SecurityStoreImpl;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;

/**
 * When someone leaves a room, their live subscriptions to it end too: leaving is not only a
 * promise of the client's. The broker's cached permission is dropped at the same time, and so is
 * the membership its typing relay remembers. In a cluster, on every node.
 */
@ApplicationScoped
public class SubscriptionRevoker {

    private static final System.Logger LOG = System.getLogger(SubscriptionRevoker.class.getName());

    @Inject
    BrokerLifecycle broker;

    void onLeave(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipEnded left) {
        revokeHere(left.roomId(), left.username());
        broker.tellOtherNodes(ClusterNotices.Kind.LEFT_ROOM, Map.of(ClusterNotices.ROOM, Long.toString(left.roomId()),
                ClusterNotices.USER, left.username()), List.of());
    }

    /** Ends the user's subscriptions to the room on this node. */
    void revokeHere(long roomId, String username) {
        broker.membershipEnded(roomId, username);
        if (!broker.isReady()) {
            return;
        }
        var server = broker.server();
        if (server.getSecurityStore() instanceof SecurityStoreImpl store) {
            store.invalidateAuthorizationCache();
        }
        String address = Destinations.roomTopic(roomId);
        // a request thread may carry an operation context of an earlier deployment's broker (see DeadLetters)
        OperationContextImpl.clearContext();
        for (ServerSession session : server.getSessions()) {
            if (!username.equals(session.getValidatedUser())) {
                continue;
            }
            for (ServerConsumer consumer : session.getServerConsumers()) {
                if (address.equals(consumer.getQueue().getAddress().toString())) {
                    try {
                        consumer.close(false);
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "Could not end a subscription of " + username + " to " + address, e);
                    }
                }
            }
        }
        OperationContextImpl.clearContext();
    }
}
