package app.chat.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class RoomRepository {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    Optional<Room> find(long id) {
        return Optional.ofNullable(em.find(Room.class, id));
    }

    /** The room row locked until commit: seq numbers are handed out one writer at a time. */
    Optional<Room> findForUpdate(long id) {
        return Optional.ofNullable(em.find(Room.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    void add(Room room) {
        em.persist(room);
        em.flush();
    }

    List<Room> all() {
        return em.createQuery("select r from Room r order by r.id", Room.class).getResultList();
    }

    java.util.Set<Long> roomsOf(String username) {
        return new java.util.HashSet<>(em.createQuery("select m.roomId from Membership m where m.username = :user", Long.class)
                .setParameter("user", username).getResultList());
    }

    boolean isMember(long roomId, String username) {
        return em.find(Membership.class, new Membership.Key(roomId, username)) != null;
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
