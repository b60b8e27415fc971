package app.chat.broker;

/**
 * The questions the broker asks the chat: is this password right, is this user in that room.
 * Called on broker threads; {@link BrokerLifecycle} wraps it so that calls run with the
 * application's context (naming, class loader) like any container thread.
 */
public interface ChatAccess {

    /** @param clientAddress where the connection comes from, for throttling password guessing */
    boolean authenticate(String username, String password, String clientAddress);

    boolean isMember(long roomId, String username);
}
