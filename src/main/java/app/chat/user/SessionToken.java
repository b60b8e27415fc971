package app.chat.user;

import app.chat.platform.BearerCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session's secret: 32 random bytes, base64url without padding (43 characters), given to the
 * client once. The database keeps only its SHA-256 ({@link #hash()}), which is also the session's
 * id inside the chat: a stolen copy of the table or a log line with an id signs nobody in. SHA-256
 * without salt or stretching is enough here, unlike for passwords: 256 random bits cannot be guessed.
 */
record SessionToken(String value) {

    private static final int BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    static SessionToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token in a string, when it has a token's shape (a password, say, has not, mostly). */
    static Optional<SessionToken> parse(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches()
                ? Optional.of(new SessionToken(candidate)) : Optional.empty();
    }

    /** The token of an {@code Authorization: Bearer} header. */
    static Optional<SessionToken> ofAuthorization(String authorization) {
        BearerCredential bearer = BearerCredential.of(authorization);
        return bearer == null ? Optional.empty() : parse(bearer.token());
    }

    /** The hex SHA-256 of the token: what the database stores, and the session's id. */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SessionToken[…]"; // never in a log
    }
}
