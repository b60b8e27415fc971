package app.chat.message;

/** What became of one sent message, edit or delete, and so what the consumer publishes. */
sealed interface Outcome permits Outcome.Stored, Outcome.Duplicate, Outcome.Rejected {

    /** Stored now: broadcast the event (a message, an edit, a delete) to the room, ack the sender. */
    record Stored(RoomEvent event, Ack ack) implements Outcome {
    }

    /** Stored earlier under the same idempotency key: ack again, broadcast nothing. */
    record Duplicate(Ack ack) implements Outcome {
    }

    /** Refused: tell the sender why, store and broadcast nothing. */
    record Rejected(Rejection rejection) implements Outcome {
    }
}
