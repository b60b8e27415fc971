package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** chat.stomp.allowed-origins as ConnectionGuard matches it against a WebSocket handshake's Origin. */
class ConnectionGuardTest {

    private static ConnectionGuard allowing(String... origins) {
        return new ConnectionGuard(65536, 20, List.of(origins));
    }

    @Test
    void noEntriesAllowEveryOrigin() {
        assertTrue(allowing().allowsOrigin("https://anywhere.example"));
    }

    @Test
    void anExactEntryAllowsThatOriginOnly() {
        var guard = allowing("https://chat.example.com");
        assertTrue(guard.allowsOrigin("https://chat.example.com"));
        assertFalse(guard.allowsOrigin("http://chat.example.com"));
        assertFalse(guard.allowsOrigin("https://chat.example.com:8443"));
        assertFalse(guard.allowsOrigin("https://other.example.com"));
    }

    @Test
    void aLookAlikeHostIsRefused() {
        var guard = allowing("http://chat.example");
        assertFalse(guard.allowsOrigin("http://chat.example.evil"));
        assertFalse(guard.allowsOrigin("http://evil-chat.example"));
        assertFalse(guard.allowsOrigin("http://chatXexample"));
    }

    @Test
    void aStarAloneAllowsAnything() {
        var guard = allowing("*");
        assertTrue(guard.allowsOrigin("https://chat.example.com"));
        assertTrue(guard.allowsOrigin("null"));
    }

    @Test
    void aPortWildcardAllowsAnyPortOfThatHostOnly() {
        var guard = allowing("http://localhost:*");
        assertTrue(guard.allowsOrigin("http://localhost:8080"));
        assertTrue(guard.allowsOrigin("http://localhost:3000"));
        assertFalse(guard.allowsOrigin("http://localhost"));
        assertFalse(guard.allowsOrigin("https://localhost:8080"));
        assertFalse(guard.allowsOrigin("http://localhost.evil.example:8080"));
    }

    @Test
    void aSubdomainWildcardDoesNotAllowALookAlikeSuffix() {
        var guard = allowing("https://*.example.com");
        assertTrue(guard.allowsOrigin("https://chat.example.com"));
        assertFalse(guard.allowsOrigin("https://example.com"));
        assertFalse(guard.allowsOrigin("https://chat.example.com.evil"));
        assertFalse(guard.allowsOrigin("https://evilexample.com"));
    }

    @Test
    void anyOfSeveralEntriesAllowsAndSpacesAroundEntriesDoNotMatter() {
        var guard = allowing(" https://chat.example.com", "http://localhost:* ");
        assertTrue(guard.allowsOrigin("https://chat.example.com"));
        assertTrue(guard.allowsOrigin("http://localhost:8080"));
        assertFalse(guard.allowsOrigin("https://chat.example.org"));
    }

    @Test
    void aHandshakeWithoutOriginIsAllowedBecauseOnlyBrowsersSendOne() {
        assertTrue(allowing("https://chat.example.com").allowsOrigin(null));
    }

    @Test
    void entriesAreCaseSensitiveSoTheyMustBeWrittenInTheLowerCaseBrowsersSend() {
        assertFalse(allowing("https://Chat.Example.com").allowsOrigin("https://chat.example.com"));
        assertFalse(allowing("https://chat.example.com").allowsOrigin("HTTPS://CHAT.EXAMPLE.COM"));
    }

    @Test
    void anEntryWithATrailingSlashMatchesNoBrowserOrigin() {
        assertFalse(allowing("https://chat.example.com/").allowsOrigin("https://chat.example.com"));
        assertFalse(allowing("https://chat.example.com").allowsOrigin("https://chat.example.com/"));
    }
}
