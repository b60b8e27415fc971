package app.chat.room;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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

    protected Membership() {
    }

    Membership(long roomId, String username, Instant joinedAt) {
        this.roomId = roomId;
        this.username = username;
        this.joinedAt = joinedAt;
    }

    public record Key(long roomId, String username) implements Serializable {
        public Key() {
            this(0, null);
        }
    }
}
