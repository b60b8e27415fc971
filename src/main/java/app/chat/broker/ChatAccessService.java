package app.chat.broker;

import app.chat.room.RoomService;
import app.chat.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Runs each question in its own short transaction: broker threads are not container threads, and
 * a container-managed EntityManager outside a transaction does not survive there.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ChatAccessService implements ChatAccess {

    @Inject
    UserService users;

    @Inject
    RoomService rooms;

    @Override
    public boolean authenticate(String username, String password, String clientAddress) {
        return users.authenticate(username, password, clientAddress);
    }

    @Override
    public boolean isMember(long roomId, String username) {
        return rooms.isMember(roomId, username);
    }
}
