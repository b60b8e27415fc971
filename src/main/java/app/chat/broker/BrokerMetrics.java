package app.chat.broker;

import app.chat.platform.ChatMetrics;
import app.chat.publish.Destinations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;

/**
 * The broker's side of /metrics, read when scraped: connections, room subscriptions, what waits on
 * chat.send, dead letters. Gauges read live broker state (NaN while the broker is down) rather than
 * Artemis' own metrics plugin, whose per-queue meters would be one series per subscriber.
 */
@ApplicationScoped
public class BrokerMetrics {

    @Inject
    ChatMetrics metrics;

    @Inject
    BrokerLifecycle broker;

    @Inject
    DeadLetters deadLetters;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        MeterRegistry registry = metrics.registry();
        gauge(registry, "chat.broker.connections", "open client connections (STOMP and the chat's own)",
                b -> b.server().getConnectionCount());
        gauge(registry, "chat.broker.room.subscriptions", "subscriptions to room topics",
                b -> b.server().getPostOffice().getAllBindings()
                        .filter(LocalQueueBinding.class::isInstance)
                        .map(q -> ((LocalQueueBinding) q).getQueue())
                        .filter(q -> Destinations.roomOf(q.getAddress().toString()).isPresent())
                        .mapToLong(q -> q.getConsumerCount()).sum());
        gauge(registry, "chat.send.waiting", "chat.send messages not yet handed to an MDB",
                b -> b.chatSendBacklog().getOrDefault("waiting", 0L));
        gauge(registry, "chat.send.delivering", "chat.send messages handed to an MDB, not yet acknowledged",
                b -> b.chatSendBacklog().getOrDefault("delivering", 0L));
        gauge(registry, "chat.send.scheduled", "chat.send messages waiting for a redelivery",
                b -> b.chatSendBacklog().getOrDefault("scheduled", 0L));
        gauge(registry, "chat.dead.letters", "messages in chat.dlq (see GET /api/ops/dead-letters)",
                b -> deadLetters.count());
        gauge(registry, "chat.cluster.room.events.dropped", "cluster: room events that came after their seq had gone out (copies, or late past the wait)",
                b -> b.relayCounts()[0]);
        gauge(registry, "chat.cluster.room.event.gaps", "cluster: gaps in a room's seq given up on after chat.cluster.reorder-wait-ms (clients read them from history)",
                b -> b.relayCounts()[1]);
        gauge(registry, "chat.broker.disk.full", "1 while the journal's disk is over chat.broker.max-disk-usage",
                b -> b.diskFull() ? 1 : 0);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<BrokerLifecycle> value) {
        Gauge.builder(name, broker, b -> b.isReady() ? value.applyAsDouble(b) : Double.NaN)
                .description(description).strongReference(true).register(registry);
    }
}
