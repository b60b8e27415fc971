package app.chat.message;

/** What a client sends to /app/chat.send, after parsing. The sender is not part of it, by design. */
public record SendCommand(long roomId, String text, String clientMsgId) implements ChatCommand {
}
