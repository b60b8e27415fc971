package app.chat.testing;

import app.chat.stompcodec.StompFrame;
import app.chat.stompcodec.StompFrameReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small STOMP 1.2 client over Java's own WebSocket client: enough to act like stomp.js in the
 * tests (CONNECT with login/passcode and heart-beats, SUBSCRIBE, SEND, receipts, ERROR frames), and
 * to misbehave on purpose ({@link #sendRaw}, {@link #sendPart}, {@link #sendBytes}).
 * Frames are encoded and read by the codec it shares with the benchmark ({@link StompFrame},
 * {@link StompFrameReader}).
 */
public final class StompClient implements AutoCloseable {

    private final BlockingQueue<StompFrame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StompFrameReader reader = new StompFrameReader();
    /** Presence events come and go with other tests' connections; only tests about them want them. */
    private volatile boolean hearsPresence;
    private final StompFrameReader.Handler collect = (buf, start, bodyStart, bodyEnd) -> {
        StompFrame frame = StompFrame.parse(buf, start, bodyStart, bodyEnd);
        if (hearsPresence || !isPresence(frame)) {
            frames.add(frame);
        }
    };
    private char heldSurrogate; // a text message's part may end in half a surrogate pair
    private WebSocket socket;
    private volatile boolean stalled;
    private boolean silent;
    private boolean fragmenting;
    private final java.util.concurrent.ScheduledExecutorService heartBeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stomp-heart-beat");
                t.setDaemon(true);
                return t;
            });

    private StompClient() {
    }

    /** Keeps presence events (room topics carry them); other clients never see them. */
    public StompClient hearingPresence() {
        hearsPresence = true;
        return this;
    }

    private static boolean isPresence(StompFrame frame) {
        return "MESSAGE".equals(frame.command()) && frame.body().contains("\"type\":\"presence\"");
    }

    /** Opens the WebSocket only; the caller sends CONNECT (or something else). */
    public static StompClient open(URI endpoint) throws Exception {
        return open(endpoint, Map.of());
    }

    /** Opens the WebSocket with extra handshake headers (an Origin, say). */
    public static StompClient open(URI endpoint, Map<String, String> handshakeHeaders) throws Exception {
        return open(endpoint, handshakeHeaders, HttpClient.newHttpClient());
    }

    /** Opens the WebSocket through the given client (one with its own SSLContext for wss://, say). */
    public static StompClient open(URI endpoint, Map<String, String> handshakeHeaders, HttpClient http) throws Exception {
        StompClient client = new StompClient();
        var builder = http.newWebSocketBuilder()
                .subprotocols("v12.stomp", "v11.stomp")
                .connectTimeout(Duration.ofSeconds(10));
        handshakeHeaders.forEach(builder::header);
        client.socket = builder.buildAsync(endpoint, client.listener()).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** Opens and CONNECTs; returns the CONNECTED or ERROR frame in {@link #connectReply}. */
    public static StompClient connect(URI endpoint, String login, String passcode) throws Exception {
        return connect(endpoint, login, passcode, "10000,10000");
    }

    /** Connects promising heart-beats as given; a client that breaks its promise is {@link #connectSilently}. */
    public static StompClient connect(URI endpoint, String login, String passcode, String heartBeat) throws Exception {
        StompClient client = open(endpoint);
        client.sendConnect(login, passcode, heartBeat);
        return client;
    }

    /** Connects promising heart-beats, then never sends one. */
    public static StompClient connectSilently(URI endpoint, String login, String passcode, String heartBeat) throws Exception {
        StompClient client = open(endpoint);
        client.silent = true;
        client.sendConnect(login, passcode, heartBeat);
        return client;
    }

    /** Sends CONNECT on an open socket and waits for the answer; keeps the heart-beat promise it makes. */
    public StompFrame sendConnect(String login, String passcode, String heartBeat) throws InterruptedException {
        sendFrame(StompFrame.of("CONNECT", "", "accept-version", "1.2", "host", "chat", "login", login,
                "passcode", passcode, "heart-beat", heartBeat));
        connectReply = next(15);
        long every = Long.parseLong(heartBeat.split(",")[0].trim());
        if (every > 0 && !silent && isConnected()) {
            heartBeats.scheduleAtFixedRate(this::heartBeat, every / 2, every / 2, TimeUnit.MILLISECONDS);
        }
        return connectReply;
    }

    public StompFrame connectReply;

    public boolean isConnected() {
        return connectReply != null && "CONNECTED".equals(connectReply.command());
    }

    /** Subscribes and waits for the broker's receipt (or ERROR); returns that frame. */
    public StompFrame subscribe(String destination) throws Exception {
        String receipt = "r-" + ids.incrementAndGet();
        sendFrame(StompFrame.of("SUBSCRIBE", "", "id", "sub-" + ids.incrementAndGet(),
                "destination", destination, "ack", "auto", "receipt", receipt));
        return next(10);
    }

    public void send(String destination, String body) {
        send(destination, body, Map.of());
    }

    public void send(String destination, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("content-type", "application/json");
        headers.putAll(extraHeaders);
        sendFrame(new StompFrame("SEND", headers, body));
    }

    /** SEND with a receipt, returning the RECEIPT or ERROR that answers it. */
    public StompFrame sendWithReceipt(String destination, String body) throws Exception {
        send(destination, body, Map.of("receipt", "s-" + ids.incrementAndGet()));
        return next(10);
    }

    /**
     * Sends the frame as one text WebSocket message, with the headers it has: {@link #send} sets no
     * content-length (Artemis then makes a SEND a text message; stomp.js sets one, see
     * {@link StompFrame#withContentLength()}).
     */
    public void sendFrame(StompFrame frame) {
        sendRaw(frame.encodeText());
    }

    public synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** One WebSocket text frame that is part of a message: {@code last} false makes continuation frames follow. */
    public synchronized void sendPart(String text, boolean last) {
        fragmenting = !last;
        socket.sendText(text, last).join();
    }

    /** A binary WebSocket frame: raw bytes, e.g. a frame whose body is not UTF-8. */
    public synchronized void sendBytes(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    private synchronized void heartBeat() {
        if (isOpen() && !fragmenting) {
            try {
                socket.sendText("\n", true).join();
            } catch (RuntimeException closed) {
                // the connection is gone; the test sees that elsewhere
            }
        }
    }

    /** The next frame, or null after the timeout. */
    public StompFrame next(long seconds) throws InterruptedException {
        return frames.poll(seconds, TimeUnit.SECONDS);
    }

    /** True once the server closed the WebSocket (or it failed). */
    public boolean awaitClosed(long seconds) {
        try {
            closed.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return closed.isDone();
        }
    }

    /**
     * Waits until the server dropped this client: the socket closed, or the server's ERROR frame came
     * (the broker sends one, then closes its side; the JDK's WebSocket client has been seen to report
     * no close after such an ERROR). Frames other than ERROR that arrive meanwhile are consumed.
     */
    public boolean awaitDropped(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (closed.isDone()) {
                return true;
            }
            StompFrame frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && "ERROR".equals(frame.command())) {
                return true;
            }
        }
        return closed.isDone();
    }

    /** Stops reading from the socket, like a client on a dead network or a frozen tab. */
    public void stopReading() {
        stalled = true;
    }

    /** Reads again: what the server wrote meanwhile (or its goodbye) arrives. */
    public void resumeReading() {
        stalled = false;
        socket.request(1);
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        heartBeats.shutdownNow();
        try {
            if (isOpen()) {
                sendFrame(StompFrame.of("DISCONNECT", ""));
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            socket.abort();
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                var text = new StringBuilder(data.length() + 1);
                if (heldSurrogate != 0) {
                    text.append(heldSurrogate);
                    heldSurrogate = 0;
                }
                text.append(data);
                if (!last && text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                    heldSurrogate = text.charAt(text.length() - 1);
                    text.setLength(text.length() - 1);
                }
                return read(ws, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                return read(ws, data);
            }

            private CompletionStage<?> read(WebSocket ws, ByteBuffer bytes) {
                try {
                    reader.feed(bytes, collect);
                } catch (IllegalStateException malformed) {
                    System.err.println("StompClient: " + malformed.getMessage());
                    closed.complete(-2);
                    ws.abort();
                    return null;
                }
                if (!stalled) {
                    ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        };
    }
}
