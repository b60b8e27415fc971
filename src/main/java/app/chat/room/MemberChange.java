package app.chat.room;

import java.util.Locale;

/**
 * Fired (synchronously, inside the transaction that makes it) when a room's membership changes, so
 * that the change is recorded in the room's stream by the same commit. Direct messages fire none.
 *
 * @param by who made the change (the user themselves for joined and left)
 * @param role the new role, for {@link Action#ROLE} only
 */
public record MemberChange(long roomId, String user, Action action, String by, String role) {

    public enum Action {
        JOINED, LEFT, REMOVED, BANNED, ROLE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
