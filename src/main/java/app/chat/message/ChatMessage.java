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

@Entity
@Table(name = "chat_message", uniqueConstraints = {
        @UniqueConstraint(name = "chat_message_room_seq", columnNames = {"room_id", "seq"}),
        // the idempotency key: a retried send finds the original instead of storing a copy
        @UniqueConstraint(name = "chat_message_dedupe", columnNames = {"sender", "dedupe_key"})})
public class ChatMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_ids")
    @SequenceGenerator(name = "message_ids", sequenceName = "chat_message_id_seq", allocationSize = 100)
    private Long id;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 32)
    private String sender;

    /** Up to 4000 code points by default; 16000 UTF-16 units leaves room for a higher limit. */
    @Column(nullable = false, length = 16000)
    private String text;

    @Column(name = "client_msg_id", length = 64)
    private String clientMsgId;

    @Column(name = "dedupe_key", nullable = false, length = 80)
    private String dedupeKey;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected ChatMessage() {
    }

    ChatMessage(long roomId, long seq, String sender, String text, String clientMsgId, String dedupeKey, Instant sentAt) {
        this.roomId = roomId;
        this.seq = seq;
        this.sender = sender;
        this.text = text;
        this.clientMsgId = clientMsgId;
        this.dedupeKey = dedupeKey;
        this.sentAt = sentAt;
    }

    ChatEvent event() {
        return ChatEvent.of(id, roomId, seq, sender, text, sentAt, clientMsgId);
    }

    Ack ack() {
        return new Ack(clientMsgId, roomId, id, seq, sentAt);
    }

    long roomId() {
        return roomId;
    }

    PendingMessage.DedupeId dedupeId() {
        return new PendingMessage.DedupeId(sender, dedupeKey);
    }
}
