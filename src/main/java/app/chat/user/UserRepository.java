package app.chat.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class UserRepository {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    Optional<ChatUser> find(String username) {
        return Optional.ofNullable(em.find(ChatUser.class, username));
    }

    void add(ChatUser user) {
        em.persist(user);
        em.flush();
    }
}
