package app.chat.message;

/** What a client sends to /app/chat.edit: message {@code messageId} of room {@code roomId} gets {@code text}. */
public record EditCommand(long roomId, long messageId, String text, String clientMsgId) implements ChatCommand {
}
