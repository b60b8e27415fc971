package app.chat.broker;

import app.chat.publish.Destinations;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Consumer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.ServerConsumer;

/**
 * Disconnects a room subscriber that has fallen more than chat.broker.max-subscriber-backlog
 * messages behind (a frozen tab, a dead network, a client that never reads), so that its backlog
 * cannot grow without bound; it reconnects and reads the gap from history. Judged by backlog, not
 * by reading rate as Artemis' slow-consumer policy does: in a room quieter than any rate threshold,
 * a healthy reader reads slower than the threshold too, and would be cut off.
 */
final class BacklogLimit {

    private static final System.Logger LOG = System.getLogger(BacklogLimit.class.getName());

    private final ActiveMQServer server;
    private final long maxBacklog;
    private ScheduledFuture<?> sweeping;

    BacklogLimit(ActiveMQServer server, long maxBacklog) {
        this.server = server;
        this.maxBacklog = maxBacklog;
    }

    void start(long periodMs) {
        sweeping = server.getScheduledPool().scheduleWithFixedDelay(this::sweep, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    void sweep() {
        try {
            server.getPostOffice().getAllBindings()
                    .filter(LocalQueueBinding.class::isInstance)
                    .map(b -> ((LocalQueueBinding) b).getQueue())
                    .filter(q -> Destinations.roomOf(q.getAddress().toString()).isPresent())
                    .filter(q -> q.getMessageCount() > maxBacklog)
                    .forEach(this::disconnectReaders);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check subscriber backlogs: " + e);
        }
    }

    private void disconnectReaders(Queue queue) {
        for (Consumer consumer : queue.getConsumers()) {
            if (!(consumer instanceof ServerConsumer serverConsumer)) {
                continue;
            }
            var connection = server.getRemotingService().getConnection(serverConsumer.getConnectionID());
            if (connection != null) {
                LOG.log(Level.INFO, "Disconnecting {0}: {1} messages behind on {2}",
                        connection.getRemoteAddress(), queue.getMessageCount(), queue.getAddress());
                connection.fail(new ActiveMQException(ActiveMQExceptionType.GENERIC_EXCEPTION,
                        "you are more than " + maxBacklog + " messages behind; reconnect and read the rest from history"));
            }
        }
    }
}
