package app.chat.broker;

/**
 * The questions the broker asks the chat: is this password right, is this user in that room.
 * Called on broker threads; {@link BrokerLifecycle} wraps it so that calls run with the
 * application's context (naming, class loader) like any container thread.
 */
public interface ChatAccess {

    boolean authenticate(String username, String password);

    boolean isMember(long roomId, String username);
}
