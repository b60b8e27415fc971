package app.chat.message;

/** What a client asks of the chat by a SEND to /app/chat.send, chat.edit or chat.delete, after parsing. */
public sealed interface ChatCommand permits SendCommand, EditCommand, DeleteCommand, MemberCommand {

    long roomId();

    String clientMsgId();
}
