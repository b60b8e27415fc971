package app.chat.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
class SessionRepository {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    Optional<ChatSession> find(String hash) {
        return Optional.ofNullable(em.find(ChatSession.class, hash));
    }

    void add(ChatSession session) {
        em.persist(session);
    }

    /** @return whose session it was, when there was one */
    Optional<String> delete(String hash) {
        ChatSession session = em.find(ChatSession.class, hash);
        if (session == null) {
            return Optional.empty();
        }
        em.remove(session);
        return Optional.of(session.username());
    }

    /** Deletes every session of the user but {@code kept} (which may be null: then all of them). */
    int deleteAllOf(String username, String kept) {
        return em.createQuery("delete from ChatSession s where s.username = :user and s.hash <> :kept")
                .setParameter("user", username).setParameter("kept", kept == null ? "" : kept).executeUpdate();
    }

    int deleteExpired(Instant now) {
        return em.createQuery("delete from ChatSession s where s.expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
