package app.chat.room;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ban from a room: its user cannot join again until invited. */
@Entity
@Table(name = "room_ban")
@IdClass(Membership.Key.class)
public class Ban {

    @Id
    @Column(name = "room_id")
    private long roomId;

    @Id
    @Column(length = 32)
    private String username;

    @Column(name = "banned_by", nullable = false, length = 32)
    private String bannedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "banned_at", nullable = false)
    private Instant bannedAt;

    protected Ban() {
    }

    Ban(long roomId, String username, String bannedBy, Instant bannedAt) {
        this.roomId = roomId;
        this.username = username;
        this.bannedBy = bannedBy;
        this.bannedAt = bannedAt;
    }
}
