package app.chat.message;

import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * A parsed, well-formed command (a send, an edit or a delete) on its way through the
 * {@link MessageWriter}: the MDB that received it waits on {@link #outcome} and lets the broker
 * forget the message only once it completes.
 */
final class PendingMessage {

    final String sender;
    final ChatCommand command;
    final String dedupeKey;
    final boolean firstAttempt;
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    final long receivedNanos = System.nanoTime();
    private Long rateWaitMs;

    /**
     * {@code transportId} is the broker's message id: the idempotency key when the client gave no
     * clientMsgId, so that a redelivered message is stored once all the same. Edits and deletes have
     * keys of their own ("e:…", "d:…"; a send's has no prefix, as before there were edits), so a
     * clientMsgId used for a send and again for an edit names two requests, not a retry.
     */
    PendingMessage(String sender, ChatCommand command, String transportId, boolean firstAttempt) {
        this.sender = sender;
        this.command = command;
        if (command instanceof MemberCommand change) {
            this.dedupeKey = "v:" + change.eventId(); // the server's id for the change, on every redelivery
        } else {
            String prefix = command instanceof EditCommand ? "e:" : command instanceof DeleteCommand ? "d:" : "";
            this.dedupeKey = prefix + (command.clientMsgId() != null ? "c:" + command.clientMsgId() : "m:" + transportId);
        }
        this.firstAttempt = firstAttempt;
    }

    /**
     * How long the sender must wait before this message is allowed, decided once: a batch that is
     * retried message by message does not charge the sender twice, and a redelivery (its first
     * attempt was charged) not at all.
     */
    long rateWaitMs(ToLongFunction<String> limiter) {
        if (rateWaitMs == null) {
            // a membership event is the server's, not its sender's chatter
            rateWaitMs = firstAttempt && !(command instanceof MemberCommand) ? limiter.applyAsLong(sender) : 0L;
        }
        return rateWaitMs;
    }

    DedupeId dedupeId() {
        return new DedupeId(sender, dedupeKey);
    }

    /** The idempotency key of a message: unique per sender in the database. */
    record DedupeId(String sender, String key) {
    }
}
