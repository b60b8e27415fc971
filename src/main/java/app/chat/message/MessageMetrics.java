package app.chat.message;

import app.chat.platform.ChatMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** What the message path counts and times, for /metrics. */
@ApplicationScoped
class MessageMetrics {

    @Inject
    ChatMetrics metrics;

    private MeterRegistry registry;
    private Counter stored;
    private Counter duplicates;
    private Counter redelivered;
    private Counter rewritten;
    private Timer storeAndBroadcast;
    private DistributionSummary batchSize;

    @PostConstruct
    void init() {
        registry = metrics.registry();
        stored = Counter.builder("chat.messages").tag("outcome", "stored").tag("code", "none")
                .description("chat.send, chat.edit and chat.delete messages by outcome (stored, duplicate: a retry acked again, rejected: by error code)")
                .register(registry);
        duplicates = Counter.builder("chat.messages").tag("outcome", "duplicate").tag("code", "none").register(registry);
        redelivered = Counter.builder("chat.messages.redelivered")
                .description("chat.send messages the broker delivered again after a rollback (database trouble, a time-out)")
                .register(registry);
        rewritten = Counter.builder("chat.writer.batches.rewritten")
                .description("batches written a second time with every idempotency key looked up, after the first try hit a unique key (a client's retry of a stored message among first deliveries)")
                .register(registry);
        storeAndBroadcast = Timer.builder("chat.message.store.broadcast")
                .description("from the MDB receiving a message to its room event and ack published (stored messages)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        batchSize = DistributionSummary.builder("chat.writer.batch.size")
                .description("messages stored per database transaction (group commit)")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(1000.0)
                .register(registry);
    }

    void counted(Outcome outcome) {
        if (outcome instanceof Outcome.Stored) {
            stored.increment();
        } else if (outcome instanceof Outcome.Duplicate) {
            duplicates.increment();
        } else if (outcome instanceof Outcome.Rejected r) {
            // the codes are a closed enum: a bounded set of series
            registry.counter("chat.messages", "outcome", "rejected", "code", r.rejection().code().name()).increment();
        }
    }

    void redelivered() {
        redelivered.increment();
    }

    void batchRewritten() {
        rewritten.increment();
    }

    void batchStored(int size) {
        batchSize.record(size);
    }

    void broadcast(long receivedNanos) {
        storeAndBroadcast.record(System.nanoTime() - receivedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
