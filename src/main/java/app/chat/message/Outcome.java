package app.chat.message;

import java.util.List;

/** What became of one sent message, edit or delete, and so what the consumer publishes. */
sealed interface Outcome permits Outcome.Stored, Outcome.Duplicate, Outcome.Rejected {

    /**
     * Stored now: broadcast the event (a message, an edit, a delete) to the room, ack the sender, and
     * tell the members a new message mentions.
     */
    record Stored(RoomEvent event, Ack ack, List<String> mentioned) implements Outcome {
    }

    /** Stored earlier under the same idempotency key: ack again, broadcast nothing. */
    record Duplicate(Ack ack) implements Outcome {
    }

    /** Refused: tell the sender why, store and broadcast nothing. */
    record Rejected(Rejection rejection) implements Outcome {
    }
}
