package app.chat.room;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invitation to a private room, standing until the invitee joins. */
@Entity
@Table(name = "room_invite")
@IdClass(Membership.Key.class)
public class Invite {

    @Id
    @Column(name = "room_id")
    private long roomId;

    @Id
    @Column(length = 32)
    private String username;

    @Column(name = "invited_by", nullable = false, length = 32)
    private String invitedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    protected Invite() {
    }

    Invite(long roomId, String username, String invitedBy, Instant invitedAt) {
        this.roomId = roomId;
        this.username = username;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }
}
