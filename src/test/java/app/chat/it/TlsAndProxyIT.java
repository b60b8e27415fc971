package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatProcess;
import app.chat.testing.SelfSignedKeystore;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS and a reverse proxy in front (issue 14), on one chat of its own started as README.md says:
 * a self-signed PKCS12 keystore made now (chat.tls.keystore, which WildFly's HTTPS listener reads too,
 * and Payara Micro's --sslport), and chat.trusted-proxies=127.0.0.1, so that this test is both the
 * clients and "the proxy" that forwards their addresses in X-Forwarded-For. A peer that is not a
 * trusted proxy is 127.0.0.2.
 */
class TlsAndProxyIT {

    private static final String PASSWORD = "keystore-s3cret";
    /** Failures per address before a lock; a lock lasts 1 s, then 2, 4, 8 s with each further failure. */
    private static final int MAX_FAILURES_PER_ADDRESS = 3;
    private static final AtomicInteger GHOSTS = new AtomicInteger();

    static ChatProcess chat;
    static SelfSignedKeystore keystore;
    static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        var data = ChatProcess.freshDataDir("tls");
        keystore = SelfSignedKeystore.create(data.resolveSibling(data.getFileName() + "-keystore.p12"), PASSWORD);
        chat = new ChatProcess(data).withTls(keystore)
                .with("chat.trusted-proxies", "127.0.0.1")
                .with("chat.login.max-failures-per-address", Integer.toString(MAX_FAILURES_PER_ADDRESS));
        chat.start();
        https = HttpClient.newBuilder().sslContext(keystore.trustingIt()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chat != null) {
            chat.close();
        }
    }

    @Test
    void chatFlowsOverWssHttpsAnswersAndPlainWsIsRefused() throws Exception {
        assertTrue(chat.stompEndpoint().toString().startsWith("wss://"), chat.stompEndpoint().toString());
        ChatApi api = new ChatApi(chat.root());
        String alice = api.newUser("tls-a");
        String bob = api.newUser("tls-b");
        long room = api.newRoom(alice, bob);

        try (StompClient reader = connectWss(bob, Map.of()); StompClient writer = connectWss(alice, Map.of())) {
            assertEquals("RECEIPT", reader.subscribe("/topic/room." + room).command());
            writer.send("/app/chat.send", Chat.send(room, "over TLS", "tls-1"));
            JsonObject got = Chat.next(reader, Chat.clientMsgId("tls-1"), 30);
            assertNotNull(got, "the message arrived over wss://");
            assertEquals("over TLS", got.getString("text"));
            assertEquals(alice, got.getString("sender"));
        }

        URI plain = URI.create("ws://127.0.0.1:" + chat.stompEndpoint().getPort() + "/stomp");
        assertThrows(Exception.class, () -> StompClient.open(plain).close(), "the TLS port speaks no plain WebSocket");

        String config = new ChatApi(chat.root()).call("GET", "api/config", null, null, null).body();
        assertTrue(config.contains("\"stompUrl\":\"wss://"), "the web client is told wss://: " + config);

        // the client trusts the generated certificate only: a handshake proves the listener has the chat's key
        var health = https.send(HttpRequest.newBuilder(chat.httpsRoot().resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        var me = new ChatApi(chat.httpsRoot(), https).as(alice, "GET", "api/users/me", null);
        assertEquals(200, me.status(), "the API over HTTPS: " + me);
    }

    @Test
    void behindATrustedProxyFailuresLockTheForwardedAddressOnly() throws Exception {
        ChatApi api = new ChatApi(chat.root());
        String carol = api.newUser("proxy-c");
        String guesser = "203.0.113.7";
        String neighbour = "203.0.113.8";

        lockOutOverHttp(Map.of("X-Forwarded-For", guesser));

        assertEquals(401, me(carol, Map.of("X-Forwarded-For", guesser)), "the guessing address is locked, even with the right password");
        assertEquals(200, me(carol, Map.of("X-Forwarded-For", neighbour)), "another client behind the same proxy logs in");
        assertEquals(200, me(carol, Map.of("X-Forwarded-For", "6.6.6.6, " + neighbour)),
                "what the client wrote left of the proxy's entry does not count");
        // two users: the broker remembers a CONNECT's outcome for one username and password for
        // chat.broker.security-cache-ms, whatever address the next CONNECT comes from
        String frank = api.newUser("proxy-f");
        try (StompClient refused = connectWss(carol, Map.of("X-Forwarded-For", guesser));
             StompClient accepted = connectWss(frank, Map.of("X-Forwarded-For", neighbour))) {
            assertFalse(refused.isConnected(), "STOMP CONNECT from the locked address is refused: " + refused.connectReply);
            assertTrue(accepted.isConnected(), "STOMP CONNECT from another address works: " + accepted.connectReply);
        }
    }

    @Test
    void stompLoginFailuresBehindATrustedProxyAreCountedForTheForwardedAddress() throws Exception {
        ChatApi api = new ChatApi(chat.root());
        String dave = api.newUser("proxy-d");
        String guesser = "198.51.100.7";

        long until = System.nanoTime() + lockOutNanos();
        while (System.nanoTime() < until) {
            try (StompClient c = connectWss(ghost(), Map.of("X-Forwarded-For", guesser))) {
                assertFalse(c.isConnected());
            }
            Thread.sleep(150);
        }

        assertEquals(401, me(dave, Map.of("X-Forwarded-For", guesser)), "locked by its STOMP failures, also over HTTP");
        try (StompClient other = connectWss(dave, Map.of("X-Forwarded-For", "198.51.100.8"))) {
            assertTrue(other.isConnected(), other.connectReply.toString());
        }
        assertEquals(200, me(dave, Map.of()), "the proxy's own address is not locked");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddressWithXForwardedFor() throws Exception {
        ChatApi api = new ChatApi(chat.root());
        String erin = api.newUser("spoof-e");
        InetAddress untrusted = InetAddress.getByName("127.0.0.2");

        // every failure claims another address; all of them count for the peer, 127.0.0.2
        long until = System.nanoTime() + lockOutNanos();
        int n = 0;
        while (System.nanoTime() < until) {
            assertEquals(401, rawGetMe(untrusted, ghost(), "wrong password", "192.0.2." + (++n % 250 + 1)));
            Thread.sleep(100);
        }
        assertEquals(401, rawGetMe(untrusted, erin, ChatApi.PASSWORD, "192.0.2.251"),
                "the peer is locked whatever address it claims");
        assertEquals(200, me(erin, Map.of()), "127.0.0.1 is a different address and not locked");
    }

    /**
     * Wrong passwords from one (forwarded) address for long enough that its lock has grown to 8 s: a
     * failure during a lock is refused without being counted, so the count grows once per lock. (A
     * probe with the right password cannot tell instead: where it is let in, it clears the count.)
     */
    private static void lockOutOverHttp(Map<String, String> headers) throws Exception {
        long until = System.nanoTime() + lockOutNanos();
        while (System.nanoTime() < until) {
            assertEquals(401, call(ghost(), "wrong password", headers));
            Thread.sleep(100);
        }
    }

    /**
     * Long enough for the failures to outlast locks of 1, 2 and 4 s (7 s and the requests' time), so
     * that the last counted failure has locked the address for 8 s: 5 s or more of it are left to check.
     */
    private static long lockOutNanos() {
        return Duration.ofSeconds(10).toNanos();
    }

    private static String ghost() {
        return "ghost-" + GHOSTS.incrementAndGet();
    }

    private static int me(String user, Map<String, String> headers) throws Exception {
        return call(user, ChatApi.PASSWORD, headers);
    }

    private static int call(String user, String password, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(chat.root().resolve("api/users/me")).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GET /api/users/me over a socket bound to {@code from}: java.net.http cannot choose its local address. */
    private static int rawGetMe(InetAddress from, String user, String password, String forwardedFor) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", chat.root().getPort()), 10_000);
            socket.setSoTimeout(30_000);
            String request = "GET /api/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                    + "Authorization: " + basic(user, password) + "\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static StompClient connectWss(String user, Map<String, String> handshakeHeaders) throws Exception {
        StompClient client = StompClient.open(chat.stompEndpoint(), handshakeHeaders, https);
        client.sendConnect(user, user.startsWith("ghost-") ? "wrong password" : ChatApi.PASSWORD, "10000,10000");
        return client;
    }
}
