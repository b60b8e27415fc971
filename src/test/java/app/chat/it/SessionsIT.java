package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in sessions, black-box: a password buys a token, the token signs in API calls (Bearer) and
 * STOMP connections (as the passcode), and signing out or changing the password ends it, live
 * connections included.
 */
class SessionsIT extends SharedChatServer {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    private static StompClient stomp(String user, String passcode) throws Exception {
        return StompClient.connect(ChatServer.stompEndpoint(), user, passcode);
    }

    private static String changePassword(String current, String next) {
        return ChatApi.JSON.createObjectBuilder().add("currentPassword", current).add("newPassword", next).build().toString();
    }

    @Test
    void aPasswordBuysATokenThatSignsInApiCalls() throws Exception {
        String user = api.newUser("sess");
        var created = api.call("POST", "api/sessions", null, null, ChatApi.signUp(user, ChatApi.PASSWORD));
        assertEquals(201, created.status(), created.body());
        String token = created.json().getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        Instant expiresAt = Instant.parse(created.json().getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(6, ChronoUnit.DAYS)), "a week unless used: " + expiresAt);
        assertFalse(created.body().contains(ChatApi.PASSWORD));

        var rooms = api.withToken(token, "GET", "api/rooms", null);
        assertEquals(200, rooms.status(), rooms.body());
        var me = api.withToken(token, "GET", "api/users/me", null);
        assertEquals(user, me.json().getString("username"));
        assertEquals(201, api.withToken(token, "POST", "api/rooms", "{\"name\":\"made with a token\"}").status());
        assertEquals(200, api.as(user, "GET", "api/rooms", null).status(), "Basic still works for scripts");
    }

    @Test
    void wrongPasswordsAndUnknownTokensAre401WithTheApisErrorShape() throws Exception {
        String user = api.newUser("sess");
        var wrong = api.call("POST", "api/sessions", null, null, ChatApi.signUp(user, "not " + ChatApi.PASSWORD));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("INVALID_CREDENTIALS", wrong.json().getString("code"));
        var nobody = api.call("POST", "api/sessions", null, null, ChatApi.signUp(ChatApi.uniqueName("nobody"), ChatApi.PASSWORD));
        assertEquals(401, nobody.status());
        assertEquals(400, api.call("POST", "api/sessions", null, null, "{}").status());

        var unknown = api.withToken("A".repeat(43), "GET", "api/rooms", null);
        assertEquals(401, unknown.status(), unknown.body());
        assertEquals("SESSION_ENDED", unknown.json().getString("code"));
        assertEquals(401, api.withToken("not a token", "GET", "api/rooms", null).status());
    }

    @Test
    void theTokenIsAStompPasscodeAndAWrongOneIsRefused() throws Exception {
        String user = api.newUser("sess");
        String other = api.newUser("sess");
        String token = api.newSession(user, ChatApi.PASSWORD);
        try (StompClient withToken = stomp(user, token);
             StompClient unknownToken = stomp(user, "B".repeat(43));
             StompClient someoneElses = stomp(other, token);
             StompClient withPassword = stomp(user, ChatApi.PASSWORD)) {
            assertTrue(withToken.isConnected(), "the token connects: " + withToken.connectReply);
            assertEquals("RECEIPT", withToken.subscribe("/topic/user." + user).command());
            assertEquals("ERROR", unknownToken.connectReply.command());
            assertEquals("ERROR", someoneElses.connectReply.command(), "a token is its user's only");
            assertTrue(withPassword.isConnected(), "a password still works");
        }
    }

    @Test
    void signingOutEndsTheTokenAndClosesItsStompConnectionsAtOnce() throws Exception {
        String user = api.newUser("sess");
        String token = api.newSession(user, ChatApi.PASSWORD);
        String otherToken = api.newSession(user, ChatApi.PASSWORD);
        try (StompClient mine = stomp(user, token); StompClient otherTab = stomp(user, otherToken);
             StompClient withPassword = stomp(user, ChatApi.PASSWORD)) {
            assertTrue(mine.isConnected() && otherTab.isConnected() && withPassword.isConnected());

            assertEquals(204, api.withToken(token, "DELETE", "api/sessions/current", null).status());

            var bye = mine.next(5);
            assertTrue(bye != null && "ERROR".equals(bye.command()), "the signed-out session's connection is told: " + bye);
            assertTrue(mine.awaitClosed(5), "and closed within seconds");
            assertEquals(401, api.withToken(token, "GET", "api/rooms", null).status());
            try (StompClient again = stomp(user, token)) {
                assertEquals("ERROR", again.connectReply.command(), "nor does the token connect any more");
            }
            assertEquals(200, api.withToken(otherToken, "GET", "api/rooms", null).status(), "another session goes on");
            assertTrue(otherTab.isOpen() && withPassword.isOpen(), "and so do the other connections");
            assertEquals("RECEIPT", otherTab.subscribe("/topic/user." + user).command());
        }
        assertEquals(400, api.as(user, "DELETE", "api/sessions/current", null).status(), "Basic has no session to end");
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButTheCurrentOne() throws Exception {
        String user = api.newUser("sess");
        String current = api.newSession(user, ChatApi.PASSWORD);
        String other = api.newSession(user, ChatApi.PASSWORD);
        try (StompClient mine = stomp(user, current); StompClient theirs = stomp(user, other);
             StompClient oldPassword = stomp(user, ChatApi.PASSWORD)) {
            assertTrue(mine.isConnected() && theirs.isConnected() && oldPassword.isConnected());

            var wrong = api.withToken(current, "PUT", "api/users/me/password", changePassword("not it", NEW_PASSWORD));
            assertEquals(403, wrong.status(), wrong.body());
            assertEquals("WRONG_PASSWORD", wrong.json().getString("code"));
            assertEquals(400, api.withToken(current, "PUT", "api/users/me/password", changePassword(ChatApi.PASSWORD, "short")).status());
            assertEquals(200, api.withToken(other, "GET", "api/rooms", null).status(), "nothing changed yet");

            var changed = api.withToken(current, "PUT", "api/users/me/password", changePassword(ChatApi.PASSWORD, NEW_PASSWORD));
            assertEquals(204, changed.status(), changed.body());

            var bye = theirs.next(5);
            assertTrue(bye != null && "ERROR".equals(bye.command()), "the other session's connection is told: " + bye);
            var byeToo = oldPassword.next(5);
            assertTrue(byeToo != null && "ERROR".equals(byeToo.command()), "the old password's connection is told: " + byeToo);
            assertTrue(theirs.awaitClosed(5), "the other session's connection is closed");
            assertTrue(oldPassword.awaitClosed(5), "so is the one that signed in with the old password");
            assertEquals(401, api.withToken(other, "GET", "api/rooms", null).status());
            assertEquals(200, api.withToken(current, "GET", "api/rooms", null).status(), "the current session goes on");
            assertTrue(mine.isOpen());
            assertEquals("RECEIPT", mine.subscribe("/topic/user." + user).command(), "and its connection too");
        }
        assertEquals(401, api.as(user, "GET", "api/users/me", null).status(), "the old password is refused");
        assertEquals(401, api.call("POST", "api/sessions", null, null, ChatApi.signUp(user, ChatApi.PASSWORD)).status());
        assertEquals(200, api.call("GET", "api/users/me", user, NEW_PASSWORD, null).status(), "the new one works");
        try (StompClient old = stomp(user, ChatApi.PASSWORD); StompClient fresh = stomp(user, NEW_PASSWORD)) {
            assertEquals("ERROR", old.connectReply.command());
            assertTrue(fresh.isConnected());
        }
    }
}
