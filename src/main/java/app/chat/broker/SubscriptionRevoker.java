package app.chat.broker;

import app.chat.publish.Destinations;
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
 * the membership its typing relay remembers.
 */
@ApplicationScoped
public class SubscriptionRevoker {

    private static final System.Logger LOG = System.getLogger(SubscriptionRevoker.class.getName());

    @Inject
    BrokerLifecycle broker;

    void onLeave(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipEnded left) {
        broker.membershipEnded(left.roomId(), left.username());
        if (!broker.isReady()) {
            return;
        }
        var server = broker.server();
        if (server.getSecurityStore() instanceof SecurityStoreImpl store) {
            store.invalidateAuthorizationCache();
        }
        String address = Destinations.roomTopic(left.roomId());
        // a request thread may carry an operation context of an earlier deployment's broker (see DeadLetters)
        OperationContextImpl.clearContext();
        for (ServerSession session : server.getSessions()) {
            if (!left.username().equals(session.getValidatedUser())) {
                continue;
            }
            for (ServerConsumer consumer : session.getServerConsumers()) {
                if (address.equals(consumer.getQueue().getAddress().toString())) {
                    try {
                        consumer.close(false);
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "Could not end a subscription of " + left.username() + " to " + address, e);
                    }
                }
            }
        }
        OperationContextImpl.clearContext();
    }
}
