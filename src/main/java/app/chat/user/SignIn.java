package app.chat.user;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/sessions}. */
public record SignIn(@NotNull(message = "username is required") String username,
                     @NotNull(message = "password is required") String password) {
}
