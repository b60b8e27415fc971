package app.chat.room;

import java.util.Locale;
import java.util.Optional;

/** A member's standing in a room. The creator is the owner; roles are per room. */
public enum RoomRole {
    OWNER, MODERATOR, MEMBER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a client named ({@code "moderator"}), if it is one. */
    static Optional<RoomRole> of(String wire) {
        for (RoomRole role : values()) {
            if (role.wire().equals(wire)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
