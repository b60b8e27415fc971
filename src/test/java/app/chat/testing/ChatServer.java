package app.chat.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import app.chat.stompcodec.StompFrame;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Where the chat under test is: the built WAR, its HTTP base URL and its STOMP endpoint. */
public final class ChatServer {

    private ChatServer() {
    }

    /** The WAR that `package` built, as a user deploys it. */
    public static WebArchive builtWar() {
        File war = new File(System.getProperty("chat.war", "target/chat.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with ./mvnw verify");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The STOMP-over-WebSocket endpoint of the tests' broker. */
    public static URI stompEndpoint() {
        return URI.create("ws://127.0.0.1:" + System.getProperty("chat.it.stompPort", "61614") + "/stomp");
    }

    /** A STOMP connection of {@code user} (password {@link ChatApi#PASSWORD}), CONNECTED or the test fails. */
    public static StompClient connect(String user) throws Exception {
        StompClient c = StompClient.connect(stompEndpoint(), user, ChatApi.PASSWORD);
        if (!c.isConnected()) {
            c.close();
            throw new AssertionError("CONNECT as " + user + " answered " + c.connectReply);
        }
        return c;
    }

    /** Says each text as {@code sender} over STOMP and returns once the server acked (stored) them all. */
    public static void say(String sender, long roomId, String... texts) throws Exception {
        try (StompClient c = connect(sender)) {
            c.subscribe("/topic/user." + sender);
            for (String text : texts) {
                c.send("/app/chat.send", ChatApi.JSON.createObjectBuilder().add("roomId", roomId).add("text", text)
                        .add("clientMsgId", UUID.randomUUID().toString()).build().toString());
            }
            for (int acks = 0; acks < texts.length; acks++) {
                StompFrame f = c.next(30);
                assertNotNull(f, "acks for what " + sender + " said");
                assertTrue(f.body().contains("\"type\":\"ack\""), f::toString);
            }
        }
    }

    /**
     * The server root, http://127.0.0.1:port/, with the port Arquillian reports. Loopback, as a user
     * of the quick start would type it: the broker listens on 127.0.0.1 only, and the web client
     * connects to the host its page came from.
     */
    public static URI root(URL deployment) {
        return URI.create(deployment.getProtocol() + "://127.0.0.1:" + deployment.getPort() + "/");
    }
}
