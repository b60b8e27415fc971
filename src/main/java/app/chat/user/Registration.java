package app.chat.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/users}. A class with the constraints on its fields rather than a record:
 * a record copies {@code @Size} onto its constructor's parameter too, where Payara's OpenAPI
 * generator (6.2025.10) fails on it and serves no document at all. A no-argument constructor and
 * setters: WildFly's RESTEasy reads JSON bodies with Jackson, which ignores {@code @JsonbCreator}.
 */
public final class Registration {

    @NotNull(message = "username is required")
    @Pattern(regexp = "[a-z0-9_-]{3,32}", message = "username must be 3-32 characters of a-z, 0-9, _ and -")
    private String username;

    @NotNull(message = "password is required")
    @Size(min = 8, max = 128, message = "password must be 8-128 characters")
    private String password;

    public Registration() {
    }

    public Registration(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
