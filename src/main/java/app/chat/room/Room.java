package app.chat.room;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "room")
public class Room {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_ids")
    @SequenceGenerator(name = "room_ids", sequenceName = "room_id_seq", allocationSize = 20)
    private Long id;

    @Column(nullable = false, length = 80)
    private String name;

    /** The seq of the room's newest message; 0 while the room is empty. */
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    /** When the newest entry (message, edit or delete) was stored; null while the room is empty. */
    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "last_activity")
    private Instant lastActivity;

    @Column(name = "created_by", nullable = false, length = 32)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RoomKind kind;

    /** A direct message's {@link DirectPair#key()}; null for other rooms. Unique. */
    @Column(name = "dm_pair", length = 80)
    private String dmPair;

    protected Room() {
    }

    Room(String name, RoomKind kind, String createdBy, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A direct message between the pair, opened by one of them. Named by its pair; each sees the other's name. */
    static Room direct(DirectPair pair, String openedBy, Instant createdAt) {
        Room room = new Room(pair.key(), RoomKind.DM, openedBy, createdAt);
        room.dmPair = pair.key();
        return room;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    RoomKind kind() {
        return kind;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The pair of a direct message; null for other rooms. */
    DirectPair pair() {
        return dmPair == null ? null : DirectPair.parse(dmPair);
    }

    /** The room as {@code viewer}, whose standing in it and reading of it those are, sees it. */
    RoomView view(String viewer, Standing standing, Reading reading) {
        String role = standing.isMember() ? standing.role().wire() : null;
        if (kind == RoomKind.DM) {
            DirectPair pair = pair();
            return new RoomView(id, pair.otherThan(viewer), kind.wire(), standing.isMember(), role, false,
                    pair.otherThan(viewer), pair.startingWith(viewer),
                    lastSeq, reading.readSeq(), reading.unread(), reading.mentions(), lastActivity);
        }
        return new RoomView(id, name, kind.wire(), standing.isMember(), role, standing.invited(), null, null,
                lastSeq, reading.readSeq(), reading.unread(), reading.mentions(), lastActivity);
    }
}
