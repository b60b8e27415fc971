package app.chat.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The message feature's settings, read from MicroProfile Config; the defaults are in
 * microprofile-config.properties only. Read them through the methods: callers hold a CDI proxy.
 */
@ApplicationScoped
public class MessageSettings {

    @Inject
    @ConfigProperty(name = "chat.text.max-length")
    int maxTextLength;

    @Inject
    @ConfigProperty(name = "chat.rate.per-second")
    double ratePerSecond;

    @Inject
    @ConfigProperty(name = "chat.rate.burst")
    int rateBurst;

    @Inject
    @ConfigProperty(name = "chat.writer.max-batch")
    int writerMaxBatch;

    @Inject
    @ConfigProperty(name = "chat.writer.wait-seconds")
    int writerWaitSeconds;

    @Inject
    @ConfigProperty(name = "chat.writer.linger-micros")
    int writerLingerMicros;

    /** Longest message text, in characters. */
    public int maxTextLength() {
        return maxTextLength;
    }

    /** Messages a sender's bucket refills per second. */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Messages a sender may send at once. */
    public int rateBurst() {
        return rateBurst;
    }

    /** Most messages the writer stores in one transaction. */
    public int writerMaxBatch() {
        return writerMaxBatch;
    }

    /** How long the writer lets a batch gather when messages were already waiting (0: never). */
    public int writerLingerMicros() {
        return writerLingerMicros;
    }

    /** How long an MDB waits for its message to be stored before it rolls back. */
    public int writerWaitSeconds() {
        return writerWaitSeconds;
    }
}
