package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One STOMP 1.2 connection over Java's WebSocket client, as lean as the load needs: CONNECT,
 * SUBSCRIBE, SEND, and MESSAGE bodies handed to a callback on the receiving thread.
 */
final class StompConnection implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final Consumer<String> onMessage;
    private WebSocket socket;
    private int ids;

    private StompConnection(Consumer<String> onMessage) {
        this.onMessage = onMessage;
    }

    static StompConnection open(URI endpoint, String login, String passcode, Consumer<String> onMessage) throws Exception {
        StompConnection c = new StompConnection(onMessage);
        c.socket = HTTP.newWebSocketBuilder().subprotocols("v12.stomp").connectTimeout(Duration.ofSeconds(20))
                .buildAsync(endpoint, c.listener()).get(20, TimeUnit.SECONDS);
        String connect = "CONNECT\naccept-version:1.2\nhost:chat\nheart-beat:0,0\n"
                + (login == null ? "" : "login:" + login + "\npasscode:" + passcode + "\n") + "\n\0";
        c.socket.sendText(connect, true).join();
        String reply = c.connected.get(20, TimeUnit.SECONDS);
        if (!reply.startsWith("CONNECTED")) {
            throw new IllegalStateException("CONNECT refused: " + reply);
        }
        return c;
    }

    /** SUBSCRIBE and wait for its receipt, so a measurement never starts before its subscribers. */
    void subscribe(String destination) throws Exception {
        var receipt = new CompletableFuture<String>();
        pendingReceipt = receipt;
        send("SUBSCRIBE\nid:" + (++ids) + "\ndestination:" + destination + "\nack:auto\nreceipt:r" + ids + "\n\n\0");
        String reply = receipt.get(20, TimeUnit.SECONDS);
        if (!reply.startsWith("RECEIPT")) {
            throw new IllegalStateException("SUBSCRIBE " + destination + " refused: " + reply);
        }
    }

    private volatile CompletableFuture<String> pendingReceipt;

    synchronized void send(String frame) {
        socket.sendText(frame, true).join();
    }

    void sendMessage(String destination, String body) {
        send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + body + "\0");
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                int nul;
                while ((nul = partial.indexOf("\0")) >= 0) {
                    String frame = partial.substring(0, nul).stripLeading();
                    partial.delete(0, nul + 1);
                    dispatch(frame);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
                // Artemis frames STOMP in binary WebSocket messages by default
                return onText(ws, java.nio.charset.StandardCharsets.UTF_8.decode(data), last);
            }
        };
    }

    private void dispatch(String frame) {
        if (frame.startsWith("MESSAGE")) {
            int body = frame.indexOf("\n\n");
            onMessage.accept(body < 0 ? "" : frame.substring(body + 2));
        } else if (frame.startsWith("CONNECTED") || (frame.startsWith("ERROR") && !connected.isDone())) {
            connected.complete(frame);
        } else if (frame.startsWith("RECEIPT") || frame.startsWith("ERROR")) {
            var receipt = pendingReceipt;
            if (receipt != null) {
                receipt.complete(frame);
            }
        }
    }
}
