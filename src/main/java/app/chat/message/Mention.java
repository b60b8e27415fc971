package app.chat.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A message's mention of a member of its room (not its sender). Keeps the message's room and seq so
 * that a reader's mentions above their read marker are counted from the index alone.
 */
@Entity
@Table(name = "chat_mention", indexes = @Index(name = "chat_mention_by_reader", columnList = "username, room_id, seq"))
@IdClass(Mention.Key.class)
public class Mention {

    @Id
    @Column(name = "message_id")
    private long messageId;

    @Id
    @Column(length = 32)
    private String username;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(nullable = false)
    private long seq;

    protected Mention() {
    }

    Mention(long messageId, String username, long roomId, long seq) {
        this.messageId = messageId;
        this.username = username;
        this.roomId = roomId;
        this.seq = seq;
    }

    public record Key(long messageId, String username) implements Serializable {
        public Key() {
            this(0, null);
        }
    }
}
