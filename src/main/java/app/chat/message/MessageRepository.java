package app.chat.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class MessageRepository {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    Optional<ChatMessage> findByDedupeKey(String sender, String dedupeKey) {
        return em.createQuery("select m from ChatMessage m where m.sender = :sender and m.dedupeKey = :key",
                        ChatMessage.class)
                .setParameter("sender", sender)
                .setParameter("key", dedupeKey)
                .getResultStream().findFirst();
    }

    void add(ChatMessage message) {
        em.persist(message);
        em.flush(); // surface a duplicate key now, inside this transaction
    }

    /** Messages with after < seq < before, ascending, at most limit of them, the oldest first. */
    List<ChatMessage> oldestBetween(long roomId, long after, long before, int limit) {
        return em.createQuery("select m from ChatMessage m where m.roomId = :room and m.seq > :after"
                        + " and m.seq < :before order by m.seq asc", ChatMessage.class)
                .setParameter("room", roomId).setParameter("after", after).setParameter("before", before)
                .setMaxResults(limit).getResultList();
    }

    /** The newest messages with seq < before, returned ascending. */
    List<ChatMessage> newestBefore(long roomId, long before, int limit) {
        List<ChatMessage> newestFirst = em.createQuery("select m from ChatMessage m where m.roomId = :room"
                        + " and m.seq < :before order by m.seq desc", ChatMessage.class)
                .setParameter("room", roomId).setParameter("before", before)
                .setMaxResults(limit).getResultList();
        List<ChatMessage> ascending = new ArrayList<>(newestFirst);
        Collections.reverse(ascending);
        return ascending;
    }
}
