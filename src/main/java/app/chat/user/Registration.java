package app.chat.user;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/users}. A class with the constraints on its fields rather than a record:
 * a record copies {@code @Size} onto its constructor's parameter too, where Payara's OpenAPI
 * generator (6.2025.10) fails on it and serves no document at all.
 */
public final class Registration {

    @NotNull(message = "username is required")
    @Pattern(regexp = "[a-z0-9_-]{3,32}", message = "username must be 3-32 characters of a-z, 0-9, _ and -")
    private final String username;

    @NotNull(message = "password is required")
    @Size(min = 8, max = 128, message = "password must be 8-128 characters")
    private final String password;

    @JsonbCreator
    public Registration(@JsonbProperty("username") String username, @JsonbProperty("password") String password) {
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
