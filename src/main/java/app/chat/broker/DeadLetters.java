package app.chat.broker;

import app.chat.publish.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.persistence.impl.journal.OperationContextImpl;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;

/** Reads the dead-letter queue without consuming it. */
@ApplicationScoped
public class DeadLetters {

    private static final SimpleString QUEUE = SimpleString.of(Destinations.DEAD_LETTERS);

    @Inject
    BrokerLifecycle broker;

    public long count() {
        Queue q = queue();
        return q == null ? 0 : q.getMessageCount();
    }

    public List<DeadLetter> list(int max) {
        Queue q = queue();
        List<DeadLetter> letters = new ArrayList<>();
        if (q == null) {
            return letters;
        }
        try (var it = q.browserIterator()) {
            while (it.hasNext() && letters.size() < max) {
                MessageReference ref = it.next();
                letters.add(toDeadLetter(ref.getMessage()));
            }
        }
        return letters;
    }

    /**
     * Sends every dead letter back to the queue it failed on, for another full set of attempts
     * (after the cause, e.g. a database outage, is fixed). Returns how many were sent back.
     */
    public int replayAll() {
        Queue q = queue();
        if (q == null) {
            return 0;
        }
        // Artemis keeps a per-thread operation context that finishes journal writes on its executor.
        // This runs on a server request thread, which outlives a redeployment (WildFly redeploys the
        // chat into the same threads): a context left from an earlier broker instance points at a
        // stopped executor and the replay's commit is never completed. Start clean, leave clean.
        OperationContextImpl.clearContext();
        try {
            return q.retryMessages(null);
        } catch (Exception e) {
            throw new IllegalStateException("Could not replay the dead letters: " + e.getMessage(), e);
        } finally {
            OperationContextImpl.clearContext();
        }
    }

    private Queue queue() {
        return broker.isReady() ? broker.server().locateQueue(QUEUE) : null;
    }

    private static DeadLetter toDeadLetter(Message message) {
        var core = message.toCore();
        ActiveMQBuffer buffer = core.getReadOnlyBodyBuffer();
        String body;
        if (core.getType() == Message.TEXT_TYPE) {
            SimpleString text = buffer.readNullableSimpleString();
            body = text == null ? null : text.toString();
        } else {
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        Object reason = message.getObjectProperty("_AMQ_ORIG_QUEUE");
        return new DeadLetter(message.getMessageID(), message.getValidatedUserID(), body,
                Instant.ofEpochMilli(message.getTimestamp()),
                "failed every delivery attempt on " + (reason == null ? Destinations.CHAT_SEND : reason));
    }
}
