package app.chat.room;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "room_member", indexes = @Index(name = "room_member_by_user", columnList = "username"))
@IdClass(Membership.Key.class)
public class Membership {

    @Id
    @Column(name = "room_id")
    private long roomId;

    @Id
    @Column(length = 32)
    private String username;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RoomRole role;

    /** The seq up to which the member has read the room; it never moves backwards. */
    @Column(name = "read_seq", nullable = false)
    private long readSeq;

    protected Membership() {
    }

    /** A member who starts with the room read up to {@code readSeq}: its last seq when they join. */
    Membership(long roomId, String username, RoomRole role, Instant joinedAt, long readSeq) {
        this.roomId = roomId;
        this.username = username;
        this.role = role;
        this.joinedAt = joinedAt;
        this.readSeq = readSeq;
    }

    long roomId() {
        return roomId;
    }

    String username() {
        return username;
    }

    RoomRole role() {
        return role;
    }

    long readSeq() {
        return readSeq;
    }

    void changeRole(RoomRole role) {
        this.role = role;
    }

    public record Key(long roomId, String username) implements Serializable {
        public Key() {
            this(0, null);
        }
    }
}
