package app.chat.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
     * The stored messages with any of these idempotency keys: one query per sender in the batch,
     * {@code sender = ? and dedupe_key in (...)}, which the (sender, dedupe_key) unique index answers
     * with point look-ups. (Asking for all senders and all keys at once made H2 scan every message of
     * those senders: an index serves one IN list, not two.)
     */
    Map<PendingMessage.DedupeId, ChatMessage> findByDedupeIds(Set<PendingMessage.DedupeId> ids) {
        Map<String, Set<String>> keysBySender = new HashMap<>();
        ids.forEach(id -> keysBySender.computeIfAbsent(id.sender(), s -> new HashSet<>()).add(id.key()));
        Map<PendingMessage.DedupeId, ChatMessage> found = new HashMap<>();
        keysBySender.forEach((sender, keys) -> em.createQuery(
                        "select m from ChatMessage m where m.sender = :sender and m.dedupeKey in :keys", ChatMessage.class)
                .setParameter("sender", sender).setParameter("keys", keys).getResultStream()
                .forEach(m -> found.put(m.dedupeId(), m)));
        return found;
    }

    void addAll(List<ChatMessage> rows) {
        rows.forEach(em::persist);
        em.flush(); // ids assigned and a duplicate key surfaced now, inside this transaction (one JDBC batch)
    }

    /**
     * The messages (not edits or deletes) with these ids, locked until the transaction ends: another
     * node's writer that edits or deletes one of them waits, so a delete cannot be undone by an edit
     * that read the message before it. Locked before the rooms' rows, as every writer does.
     */
    Map<Long, ChatMessage> messagesToChange(Set<Long> ids) {
        Map<Long, ChatMessage> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        em.createQuery("select m from ChatMessage m where m.id in :ids and m.kind = :kind order by m.id", ChatMessage.class)
                .setParameter("ids", ids).setParameter("kind", ChatMessage.MESSAGE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .forEach(m -> found.put(m.id(), m));
        return found;
    }

    /** A deleted message's words go from its edit entries too (they stay in history, without text). */
    void forgetEditedTexts(Set<Long> deletedMessageIds) {
        if (deletedMessageIds.isEmpty()) {
            return;
        }
        em.createQuery("update ChatMessage m set m.text = null where m.messageId in :ids and m.kind = :kind")
                .setParameter("ids", deletedMessageIds).setParameter("kind", ChatMessage.EDITED).executeUpdate();
    }

    /** Stored with the messages, in the same flush (one JDBC batch). */
    void addMentions(List<Mention> mentions) {
        mentions.forEach(em::persist);
        em.flush();
    }

    /** A deleted message mentions no one any more: it no longer counts for its readers. */
    void forgetMentions(Set<Long> deletedMessageIds) {
        if (deletedMessageIds.isEmpty()) {
            return;
        }
        em.createQuery("delete from Mention m where m.messageId in :ids")
                .setParameter("ids", deletedMessageIds).executeUpdate();
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
