package app.chat.room;

import app.chat.platform.DatabaseFailure;
import app.chat.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import java.util.Optional;

/**
 * Opens a direct message, once per pair across nodes: the room's unique pair key decides which of two
 * concurrent openings (both people at once, or two nodes) makes the room; the other finds it.
 * Each step is its own transaction (in {@link RoomService}), so a lost race can be read after.
 */
@ApplicationScoped
public class DirectMessages {

    @Inject
    RoomService rooms;

    @Inject
    UserService users;

    /** The direct message and whether this call made it. */
    public record Opened(RoomView room, boolean created) {
    }

    public Opened open(String me, String other) {
        if (me.equals(other)) {
            throw new ValidationException("a direct message is with someone else");
        }
        if (other == null || !users.exists(other)) {
            throw new RoomRequestRefused(Refusal.UNKNOWN_USER, "there is no user " + other);
        }
        Optional<RoomView> existing = rooms.returnToDirect(me, other);
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        try {
            return new Opened(rooms.createDirect(me, other), true);
        } catch (RuntimeException lost) {
            if (!DatabaseFailure.isUniqueViolation(lost)) {
                throw lost;
            }
        }
        return new Opened(rooms.returnToDirect(me, other)
                .orElseThrow(() -> new IllegalStateException("the direct message of " + me + " and " + other + " vanished")), false);
    }
}
