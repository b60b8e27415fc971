package app.chat.message;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One numbered entry of a room's stream: a message ({@link #MESSAGE}), or an edit or delete of one
 * ({@link #EDITED}, {@link #DELETED}; {@code messageId} names the message), or a change of the room's
 * membership ({@link #MEMBER}). A change is a row of
 * its own because it takes the room's next seq like a message, and history must return it at that
 * seq; the message row itself always holds the current state (its last text and {@code editedAt},
 * or no text once deleted), so history shows a message as it is now without replaying changes.
 */
@Entity
@Table(name = "chat_message", uniqueConstraints = {
        @UniqueConstraint(name = "chat_message_room_seq", columnNames = {"room_id", "seq"}),
        // the idempotency key: a retried send, edit or delete finds the original instead of storing a copy
        @UniqueConstraint(name = "chat_message_dedupe", columnNames = {"sender", "dedupe_key"})})
public class ChatMessage {

    static final String MESSAGE = "message";
    static final String EDITED = "edited";
    static final String DELETED = "deleted";
    static final String MEMBER = "member";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_ids")
    @SequenceGenerator(name = "message_ids", sequenceName = "chat_message_id_seq", allocationSize = 100)
    private Long id;

    @Column(nullable = false, length = 8)
    private String kind;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(nullable = false)
    private long seq;

    /** Who wrote the message, or who edited or deleted it. */
    @Column(nullable = false, length = 32)
    private String sender;

    /** Up to 4000 code points by default; 16000 UTF-16 units leaves room for a higher limit. Null once deleted. */
    @Column(length = 16000)
    private String text;

    @Column(name = "client_msg_id", length = 64)
    private String clientMsgId;

    @Column(name = "dedupe_key", nullable = false, length = 80)
    private String dedupeKey;

    /** When the row was stored: the message sent, the edit or delete made. */
    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    /** An edit's or delete's message. */
    @Column(name = "message_id")
    private Long messageId;

    /** A message's last edit. */
    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(nullable = false)
    private boolean deleted;

    /** A membership event's: what happened ({@code joined}, {@code left}, {@code removed}, {@code banned}, {@code role}). */
    @Column(name = "member_action", length = 8)
    private String memberAction;

    /** A membership event's: whom it concerns (the sender is who made the change). */
    @Column(name = "member_name", length = 32)
    private String memberName;

    /** A {@code role} event's new role. */
    @Column(name = "member_role", length = 16)
    private String memberRole;

    protected ChatMessage() {
    }

    private ChatMessage(String kind, long roomId, long seq, String sender, String text, String clientMsgId,
                        String dedupeKey, Instant sentAt, Long messageId) {
        this.kind = kind;
        this.roomId = roomId;
        this.seq = seq;
        this.sender = sender;
        this.text = text;
        this.clientMsgId = clientMsgId;
        this.dedupeKey = dedupeKey;
        this.sentAt = sentAt;
        this.messageId = messageId;
    }

    ChatMessage(long roomId, long seq, String sender, String text, String clientMsgId, String dedupeKey, Instant sentAt) {
        this(MESSAGE, roomId, seq, sender, text, clientMsgId, dedupeKey, sentAt, null);
    }

    /** The row of a membership event, numbered {@code seq}; its sender is who made the change. */
    static ChatMessage member(long seq, MemberCommand change, String dedupeKey, Instant at) {
        ChatMessage row = new ChatMessage(MEMBER, change.roomId(), seq, change.by(), null, null, dedupeKey, at, null);
        row.memberAction = change.action();
        row.memberName = change.user();
        row.memberRole = change.role();
        return row;
    }

    /** Gives this message {@code newText} and returns the row that records the edit, numbered {@code seq}. */
    ChatMessage edit(long seq, String editor, String newText, String clientMsgId, String dedupeKey, Instant at) {
        this.text = newText;
        this.editedAt = at;
        return new ChatMessage(EDITED, roomId, seq, editor, newText, clientMsgId, dedupeKey, at, id);
    }

    /** Makes this message a tombstone and returns the row that records the delete, numbered {@code seq}. */
    ChatMessage delete(long seq, String deleter, String clientMsgId, String dedupeKey, Instant at) {
        this.text = null;
        this.deleted = true;
        return new ChatMessage(DELETED, roomId, seq, deleter, null, clientMsgId, dedupeKey, at, id);
    }

    RoomEvent event() {
        return switch (kind) {
            case EDITED -> MessageEdited.of(messageId, roomId, seq, text, sentAt);
            case DELETED -> MessageDeleted.of(messageId, roomId, seq, sender);
            case MEMBER -> MemberEvent.of(id, roomId, seq, memberAction, memberName, sender, memberRole, sentAt);
            default -> deleted
                    ? new ChatEvent(MESSAGE, id, roomId, seq, sender, null, sentAt, clientMsgId, null, true)
                    : new ChatEvent(MESSAGE, id, roomId, seq, sender, text, sentAt, clientMsgId, editedAt, null);
        };
    }

    /** The sender's ack; null for a membership event, which no client sent. */
    Ack ack() {
        return switch (kind) {
            case EDITED -> Ack.ofChange("edit", clientMsgId, roomId, messageId, seq, sentAt);
            case DELETED -> Ack.ofChange("delete", clientMsgId, roomId, messageId, seq, sentAt);
            case MEMBER -> null; // made by the server: nobody waits for an ack
            default -> new Ack(clientMsgId, roomId, id, seq, sentAt);
        };
    }

    ChangeRules.Target target() {
        return new ChangeRules.Target(roomId, sender, deleted);
    }

    Long id() {
        return id;
    }

    long roomId() {
        return roomId;
    }

    long seq() {
        return seq;
    }

    String sender() {
        return sender;
    }

    /** The text now: null once deleted. */
    String text() {
        return text;
    }

    boolean isMessage() {
        return MESSAGE.equals(kind);
    }

    PendingMessage.DedupeId dedupeId() {
        return new PendingMessage.DedupeId(sender, dedupeKey);
    }
}
