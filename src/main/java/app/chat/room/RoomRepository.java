package app.chat.room;

import app.chat.platform.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.SortedMap;

@ApplicationScoped
class RoomRepository {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    Optional<Room> find(long id) {
        return Optional.ofNullable(em.find(Room.class, id));
    }

    private static final String ADVANCE_LAST_SEQ = "update room set last_seq = last_seq + ?1, last_activity = ?2 where id = ?3";

    /** The update that also answers the room's new last seq, in one round trip; null: two statements. */
    static String advanceReturningLastSeq(SqlDialect dialect) {
        return switch (dialect) {
            case H2 -> "select last_seq from final table (" + ADVANCE_LAST_SEQ + ")";
            case POSTGRESQL -> ADVANCE_LAST_SEQ + " returning last_seq";
            case OTHER -> null;
        };
    }

    private final String advanceReturningLastSeq = advanceReturningLastSeq(SqlDialect.configured());

    /**
     * Adds each room's count to its last seq and makes {@code at} its last activity, room by room in
     * id order, and returns the new last seqs (a room that does not exist is left out). The updated
     * rows stay locked until commit, so seq numbers are handed out one writer at a time (across nodes
     * too), and the id order keeps two writers from deadlocking. Plain statements, no entities:
     * loading a Room to lock it cost more than the message insert. One statement per room where the
     * database can answer an update's new values (H2's data change delta table, PostgreSQL's
     * RETURNING): on PostgreSQL each statement is a round trip taken with the row locked, and two
     * fewer made a lone message's transaction about a fifth cheaper (bench/README.md, session 17).
     * (Native, because the time is bound as the column's type; the cache is off, so no entity is left
     * stale.)
     */
    Map<Long, Long> advanceLastSeqs(SortedMap<Long, Integer> counts, Instant at) {
        OffsetDateTime activity = at.atOffset(ZoneOffset.UTC);
        Map<Long, Long> last = new HashMap<>();
        for (var room : counts.entrySet()) {
            var advance = em.createNativeQuery(advanceReturningLastSeq == null ? ADVANCE_LAST_SEQ : advanceReturningLastSeq)
                    .setParameter(1, (long) room.getValue()).setParameter(2, activity).setParameter(3, room.getKey());
            if (advanceReturningLastSeq == null) {
                advance.executeUpdate();
            } else {
                for (Object lastSeq : advance.getResultList()) {
                    last.put(room.getKey(), ((Number) lastSeq).longValue());
                }
            }
        }
        if (advanceReturningLastSeq == null) {
            em.createQuery("select r.id, r.lastSeq from Room r where r.id in :ids", Object[].class)
                    .setParameter("ids", counts.keySet()).getResultList()
                    .forEach(row -> last.put((Long) row[0], (Long) row[1]));
        }
        return last;
    }

    Set<Long> existing(Collection<Long> ids) {
        return new HashSet<>(em.createQuery("select r.id from Room r where r.id in :ids", Long.class)
                .setParameter("ids", ids).getResultList());
    }

    /**
     * Which of these (user, room) pairs are memberships: one query per user, for the rooms that user
     * named only. A user in one room of the batch (the usual case) is a point look-up by the primary
     * key (room_id, username), with the same SQL every time; several rooms go by the index by user
     * (a user is in few rooms; a room may have thousands of members). H2 seeks a composite index by
     * its first column only, so the pairs are not folded into one query (see {@link #membersAmong}).
     */
    Set<Membership.Key> memberships(Map<String, ? extends Collection<Long>> roomsByUser) {
        Set<Membership.Key> found = new HashSet<>();
        roomsByUser.forEach((user, roomIds) -> {
            if (roomIds.size() == 1) {
                long room = roomIds.iterator().next();
                // no setMaxResults(1): the key allows one row anyway, and a row limit makes EclipseLink
                // prepare the query (generate its SQL) again on every execution
                if (!em.createQuery("select m.roomId from Membership m where m.roomId = :room and m.username = :user", Long.class)
                        .setParameter("room", room).setParameter("user", user).getResultList().isEmpty()) {
                    found.add(new Membership.Key(room, user));
                }
            } else if (!roomIds.isEmpty()) {
                em.createQuery("select m.roomId from Membership m where m.username = :user and m.roomId in :rooms", Long.class)
                        .setParameter("user", user).setParameter("rooms", roomIds).getResultStream()
                        .forEach(room -> found.add(new Membership.Key(room, user)));
            }
        });
        return found;
    }

    /**
     * Which of these users are members of which of these rooms, in one query: the mentions of a whole
     * batch of messages. PostgreSQL answers it with point look-ups. H2 2.2 names both IN lists in its
     * plan but seeks by the primary key's first column only, so it reads every member of those rooms
     * (EXPLAIN ANALYZE: scanCount 30,001 for 30 rooms of 1,000 members): cheap for rooms of tens,
     * a cost to watch for rooms of thousands on H2.
     */
    Set<Membership.Key> membersAmong(Collection<Long> roomIds, Collection<String> usernames) {
        Set<Membership.Key> found = new HashSet<>();
        em.createQuery("select m.roomId, m.username from Membership m where m.username in :users and m.roomId in :rooms", Object[].class)
                .setParameter("users", usernames).setParameter("rooms", roomIds).getResultStream()
                .forEach(row -> found.add(new Membership.Key((Long) row[0], (String) row[1])));
        return found;
    }

    /**
     * Moves a member's read marker up to {@code seq}, never down: one conditional statement, so that
     * two tabs marking at once cannot move it backwards. Returns whether it moved.
     */
    boolean advanceReadSeq(long roomId, String username, long seq) {
        return em.createQuery("update Membership m set m.readSeq = :seq"
                        + " where m.roomId = :room and m.username = :user and m.readSeq < :seq")
                .setParameter("seq", seq).setParameter("room", roomId).setParameter("user", username)
                .executeUpdate() > 0;
    }

    /** A member's read marker as the database has it now; empty when they are not a member. */
    Optional<Long> readSeq(long roomId, String username) {
        return em.createQuery("select m.readSeq from Membership m where m.roomId = :room and m.username = :user", Long.class)
                .setParameter("room", roomId).setParameter("user", username).getResultStream().findFirst();
    }

    void add(Room room) {
        em.persist(room);
        em.flush();
    }

    /** The public rooms, and the others the user is in or invited to. */
    List<Room> visibleTo(String username) {
        return em.createQuery("select r from Room r where r.kind = :public"
                        + " or r.id in (select m.roomId from Membership m where m.username = :user)"
                        + " or r.id in (select i.roomId from Invite i where i.username = :user) order by r.id", Room.class)
                .setParameter("public", RoomKind.PUBLIC).setParameter("user", username).getResultList();
    }

    Optional<Room> findDirect(DirectPair pair) {
        return em.createQuery("select r from Room r where r.dmPair = :pair", Room.class)
                .setParameter("pair", pair.key()).getResultStream().findFirst();
    }

    /** The user's memberships (role, read marker) by room. */
    Map<Long, Membership> membershipsOf(String username) {
        Map<Long, Membership> found = new HashMap<>();
        em.createQuery("select m from Membership m where m.username = :user", Membership.class)
                .setParameter("user", username).getResultStream().forEach(m -> found.put(m.roomId(), m));
        return found;
    }

    /** A room's members, by name. */
    List<Membership> membersOf(long roomId) {
        return em.createQuery("select m from Membership m where m.roomId = :room order by m.username", Membership.class)
                .setParameter("room", roomId).getResultList();
    }

    Set<Long> invitesOf(String username) {
        return new HashSet<>(em.createQuery("select i.roomId from Invite i where i.username = :user", Long.class)
                .setParameter("user", username).getResultList());
    }

    boolean isMember(long roomId, String username) {
        return em.find(Membership.class, new Membership.Key(roomId, username)) != null;
    }

    Optional<Membership> membership(long roomId, String username) {
        return Optional.ofNullable(em.find(Membership.class, new Membership.Key(roomId, username)));
    }

    Standing standing(long roomId, String username) {
        var key = new Membership.Key(roomId, username);
        RoomRole role = membership(roomId, username).map(Membership::role).orElse(null);
        return new Standing(role, em.find(Invite.class, key) != null, em.find(Ban.class, key) != null);
    }

    void addBan(Ban ban) {
        em.persist(ban);
    }

    void removeBan(long roomId, String username) {
        Ban ban = em.find(Ban.class, new Membership.Key(roomId, username));
        if (ban != null) {
            em.remove(ban);
        }
    }

    void addInvite(Invite invite) {
        em.persist(invite);
    }

    void removeInvite(long roomId, String username) {
        Invite invite = em.find(Invite.class, new Membership.Key(roomId, username));
        if (invite != null) {
            em.remove(invite);
        }
    }

    void addMember(Membership membership) {
        em.persist(membership);
    }

    boolean removeMember(long roomId, String username) {
        Membership m = em.find(Membership.class, new Membership.Key(roomId, username));
        if (m == null) {
            return false;
        }
        em.remove(m);
        return true;
    }
}
