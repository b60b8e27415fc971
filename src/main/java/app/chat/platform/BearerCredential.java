package app.chat.platform;

import jakarta.security.enterprise.credential.Credential;

/**
 * The token of an {@code Authorization: Bearer <token>} header: a sign-in session's token, which the
 * chat's identity store checks. What a token is and how sessions work is the user feature's business.
 */
public final class BearerCredential implements Credential {

    private final String token;

    public BearerCredential(String token) {
        this.token = token;
    }

    /** The Bearer credential of an Authorization header, or null when it carries none. */
    public static BearerCredential of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : new BearerCredential(token);
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "BearerCredential[…]";
    }
}
