package app.chat.message;

/**
 * A change of a room's membership to number and store, made by the server (never by a client) in
 * the transaction that changed the membership, and queued on chat.send with the room's messages so
 * that the writer gives it the room's next seq: see {@link MemberChangeRecorder}.
 *
 * @param eventId unique per change: the idempotency key, so that a redelivery is stored once
 * @param role the new role of a {@code role} change, else null
 */
public record MemberCommand(long roomId, String action, String user, String by, String role, String eventId)
        implements ChatCommand {

    @Override
    public String clientMsgId() {
        return null;
    }
}
