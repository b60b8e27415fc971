package app.chat.room;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/rooms/{id}/members/{user}}: {@code moderator} or {@code member}. */
public record RoleChange(@NotNull(message = "role is required") String role) {
}
