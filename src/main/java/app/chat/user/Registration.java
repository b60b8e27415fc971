package app.chat.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/users}. */
public record Registration(
        @NotNull(message = "username is required")
        @Pattern(regexp = "[a-z0-9_-]{3,32}", message = "username must be 3-32 characters of a-z, 0-9, _ and -")
        String username,
        @NotNull(message = "password is required")
        @Size(min = 8, max = 128, message = "password must be 8-128 characters")
        String password) {
}
