package app.chat.message;

/** What a client sends to /app/chat.delete: message {@code messageId} of room {@code roomId} goes. */
public record DeleteCommand(long roomId, long messageId, String clientMsgId) implements ChatCommand {
}
