package app.chat.room;

import jakarta.validation.constraints.NotNull;

/** Body naming a user: {@code POST /api/dms} (whom to talk to), {@code POST /api/rooms/{id}/invites} (whom to invite). */
public record UserNamed(@NotNull(message = "username is required") String username) {
}
