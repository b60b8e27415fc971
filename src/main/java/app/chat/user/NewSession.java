package app.chat.user;

import java.time.Instant;

/** Answer of {@code POST /api/sessions}: the token (shown this once) and when it expires unless used. */
public record NewSession(String token, Instant expiresAt) {
}
