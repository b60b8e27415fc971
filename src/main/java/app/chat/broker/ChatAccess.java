package app.chat.broker;

import java.util.Optional;

/**
 * The questions the broker asks the chat: who does this login sign in, is this user in that room.
 * Called on broker threads; {@link BrokerLifecycle} wraps it so that calls run with the
 * application's context (naming, class loader) like any container thread.
 */
public interface ChatAccess {

    /**
     * A CONNECT's login and passcode: the passcode is a session token of that user, or the user's password.
     *
     * @param clientAddress where the connection comes from, for throttling password guessing
     * @return who signed in, and with which session; empty when refused
     */
    Optional<Login> authenticate(String username, String passcode, String clientAddress);

    boolean isMember(long roomId, String username);

    /** @param sessionId the session whose token was the passcode, null when it was the password */
    record Login(String username, String sessionId) {
    }
}
