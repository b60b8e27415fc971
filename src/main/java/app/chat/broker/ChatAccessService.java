package app.chat.broker;

import app.chat.room.RoomService;
import app.chat.user.SessionLogin;
import app.chat.user.SessionService;
import app.chat.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

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

    @Inject
    SessionService sessions;

    /**
     * A session token first: it is not a guess at the password, so it neither counts towards nor is
     * stopped by the login throttle. Anything else, also a token of another user, is checked as a password.
     */
    @Override
    public Optional<Login> authenticate(String username, String passcode, String clientAddress) {
        Optional<SessionLogin> session = sessions.authenticate(passcode);
        if (session.isPresent() && session.get().username().equals(username)) {
            return Optional.of(new Login(username, session.get().sessionId()));
        }
        return users.authenticate(username, passcode, clientAddress) ? Optional.of(new Login(username, null)) : Optional.empty();
    }

    @Override
    public boolean isMember(long roomId, String username) {
        return rooms.isMember(roomId, username);
    }
}
