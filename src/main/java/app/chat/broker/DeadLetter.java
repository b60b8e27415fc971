package app.chat.broker;

import java.time.Instant;

/** A chat.send message that failed every delivery attempt, as an operator sees it. */
public record DeadLetter(long messageId, String sender, String body, Instant sentAt, String failure) {
}
