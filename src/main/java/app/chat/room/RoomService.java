package app.chat.room;

import app.chat.platform.WellFormedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

@ApplicationScoped
public class RoomService {

    static final int MAX_NAME_LENGTH = 80;

    @Inject
    RoomRepository rooms;

    @Inject
    Event<MembershipEnded> membershipEnded;

    /** Creates a room; its creator is its first member. */
    @Transactional
    public RoomView create(String rawName, String creator) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new ValidationException("name must be 1-" + MAX_NAME_LENGTH + " characters after trimming");
        }
        if (!WellFormedText.isWellFormed(name)) {
            throw new ValidationException("name must not contain control characters or broken Unicode");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Room room = new Room(name, creator, now);
        rooms.add(room);
        rooms.addMember(new Membership(room.id(), creator, now));
        return room.view(true);
    }

    /** Every room, each saying whether {@code viewer} is a member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoomView> list(String viewer) {
        var mine = rooms.roomsOf(viewer);
        return rooms.all().stream().map(r -> r.view(mine.contains(r.id()))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long roomId) {
        return rooms.find(roomId).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isMember(long roomId, String username) {
        return rooms.isMember(roomId, username);
    }

    /** Joins a room; joining twice is fine. Returns true when the user was not a member before. */
    @Transactional
    public boolean join(long roomId, String username) {
        rooms.find(roomId).orElseThrow(() -> new UnknownRoomException(roomId));
        if (rooms.isMember(roomId, username)) {
            return false;
        }
        rooms.addMember(new Membership(roomId, username, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return true;
    }

    @Transactional
    public void leave(long roomId, String username) {
        rooms.find(roomId).orElseThrow(() -> new UnknownRoomException(roomId));
        if (rooms.removeMember(roomId, username)) {
            membershipEnded.fire(new MembershipEnded(roomId, username));
        }
    }

    /** Of the given rooms, those that exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> existing(Collection<Long> roomIds) {
        return roomIds.isEmpty() ? Set.of() : rooms.existing(roomIds);
    }

    /** Of the given rooms and users, the pairs that are memberships: one query for a whole batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Membership.Key> memberships(Collection<Long> roomIds, Collection<String> usernames) {
        return roomIds.isEmpty() ? Set.of() : rooms.memberships(roomIds, usernames);
    }

    /**
     * Reserves {@code count} consecutive message seqs in each room of {@code counts} and returns the
     * first of them per room. Locks the room rows (in id order, so that two nodes writing the same
     * rooms cannot deadlock) until the caller's transaction ends: seqs are gapless and unique across
     * nodes, and a rolled-back transaction gives its numbers back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Long> reserveSeqs(Map<Long, Integer> counts) {
        Map<Long, Long> last = rooms.advanceLastSeqs(new TreeMap<>(counts));
        Map<Long, Long> first = new HashMap<>();
        for (var room : counts.entrySet()) {
            Long lastSeq = last.get(room.getKey());
            if (lastSeq == null) {
                throw new UnknownRoomException(room.getKey());
            }
            first.put(room.getKey(), lastSeq - room.getValue() + 1);
        }
        return first;
    }
}
