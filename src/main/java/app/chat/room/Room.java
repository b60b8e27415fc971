package app.chat.room;

import app.chat.platform.UtcInstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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

    @Column(name = "created_by", nullable = false, length = 32)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Room() {
    }

    Room(String name, String createdBy, Instant createdAt) {
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    /** Takes the next {@code count} seqs and returns the first of them. */
    RoomView view(boolean member) {
        return new RoomView(id, name, member);
    }
}
