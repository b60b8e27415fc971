package app.chat.message;

/**
 * Fired synchronously, inside the storing transaction, after the message row is written and before
 * anything is published. An observer that throws rolls the whole send back (it is redelivered).
 */
public record MessageStored(ChatEvent event) {
}
