package app.chat.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
class MessageRepository {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    /**
     * The stored messages with any of these idempotency keys, in one query. It asks for every
     * sender x key combination (so the (sender, dedupe_key) index serves it) and keeps the pairs asked for.
     */
    Map<PendingMessage.DedupeId, ChatMessage> findByDedupeIds(Set<PendingMessage.DedupeId> ids) {
        Set<String> senders = new HashSet<>();
        Set<String> keys = new HashSet<>();
        ids.forEach(id -> {
            senders.add(id.sender());
            keys.add(id.key());
        });
        Map<PendingMessage.DedupeId, ChatMessage> found = new HashMap<>();
        em.createQuery("select m from ChatMessage m where m.sender in :senders and m.dedupeKey in :keys", ChatMessage.class)
                .setParameter("senders", senders).setParameter("keys", keys).getResultStream()
                .filter(m -> ids.contains(m.dedupeId()))
                .forEach(m -> found.put(m.dedupeId(), m));
        return found;
    }

    void addAll(List<ChatMessage> rows) {
        rows.forEach(em::persist);
        em.flush(); // ids assigned and a duplicate key surfaced now, inside this transaction (one JDBC batch)
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
