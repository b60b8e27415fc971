package app.chat.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenIs32RandomBytesInBase64UrlWithoutPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SessionToken.generate(random).value();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(seen.add(token), "no token twice");
        }
    }

    @Test
    void theHashIsTheHexSha256OfTheTokenAndNotTheToken() {
        // SHA-256 of the 43 ASCII characters "A" x 43, computed independently (sha256sum)
        SessionToken token = new SessionToken("A".repeat(43));
        assertEquals("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a", token.hash());
        assertEquals(token.hash(), new SessionToken("A".repeat(43)).hash(), "the same token finds the same row");
        assertNotEquals(token.hash(), new SessionToken("A".repeat(42) + "B").hash());
        assertFalse(token.toString().contains(token.value()), "a token never ends up in a log");
    }

    @Test
    void onlyTokenShapedStringsParse() {
        String token = SessionToken.generate(random).value();
        assertEquals(token, SessionToken.parse(token).orElseThrow().value());
        assertTrue(SessionToken.parse(null).isEmpty());
        assertTrue(SessionToken.parse("correct horse battery").isEmpty(), "a password is no token");
        assertTrue(SessionToken.parse(token + "A").isEmpty());
        assertTrue(SessionToken.parse(token.substring(1) + "=").isEmpty());
        assertTrue(SessionToken.parse(token.substring(1) + "+").isEmpty(), "base64url, not base64");
    }

    @Test
    void theTokenOfABearerHeader() {
        String token = SessionToken.generate(random).value();
        assertEquals(token, SessionToken.ofAuthorization("Bearer " + token).orElseThrow().value());
        assertTrue(SessionToken.ofAuthorization("Basic YWxpY2U6c2VjcmV0").isEmpty());
        assertTrue(SessionToken.ofAuthorization("Bearer not-a-token").isEmpty());
        assertTrue(SessionToken.ofAuthorization(null).isEmpty());
    }
}
