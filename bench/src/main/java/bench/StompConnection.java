package bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One STOMP 1.2 connection over a Netty WebSocket client, as lean as the load needs: CONNECT,
 * SUBSCRIBE, SEND, and MESSAGE bodies handed to a callback on the event-loop thread. All
 * connections share two event-loop threads, so thousands of subscribers cost little of the
 * generator's CPU and the baseline's knee is the broker's rather than the client's.
 */
final class StompConnection implements AutoCloseable {

    /** Like stomp.js: without heart-beats the broker drops a connection that has sent nothing for its TTL (60 s). */
    private static final int HEART_BEAT_MS = 10_000;
    private static final EventLoopGroup LOOPS = new NioEventLoopGroup(2, r -> {
        Thread t = new Thread(r, "stomp-client");
        t.setDaemon(true);
        return t;
    });

    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final Consumer<String> onMessage;
    private volatile CompletableFuture<String> pendingReceipt;
    private Channel channel;
    private ScheduledFuture<?> heartBeat;
    private int ids;

    private StompConnection(Consumer<String> onMessage) {
        this.onMessage = onMessage;
    }

    static StompConnection open(URI endpoint, String login, String passcode, Consumer<String> onMessage) throws Exception {
        StompConnection c = new StompConnection(onMessage);
        var handshake = WebSocketClientProtocolConfig.newBuilder().webSocketUri(endpoint).version(WebSocketVersion.V13)
                .subprotocol("v12.stomp").customHeaders(new DefaultHttpHeaders()).maxFramePayloadLength(1 << 20)
                .handshakeTimeoutMillis(20_000).build();
        c.channel = new Bootstrap().group(LOOPS).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(handshake), c.new Frames());
                    }
                })
                .connect(endpoint.getHost(), endpoint.getPort()).sync().channel();
        c.open.get(20, TimeUnit.SECONDS);
        c.send("CONNECT\naccept-version:1.2\nhost:chat\nheart-beat:" + HEART_BEAT_MS + "," + HEART_BEAT_MS + "\n"
                + (login == null ? "" : "login:" + login + "\npasscode:" + passcode + "\n") + "\n\0");
        String reply = c.connected.get(20, TimeUnit.SECONDS);
        if (!reply.startsWith("CONNECTED")) {
            throw new IllegalStateException("CONNECT refused: " + reply);
        }
        c.heartBeat = c.channel.eventLoop().scheduleAtFixedRate(() -> c.send("\n"), HEART_BEAT_MS, HEART_BEAT_MS, TimeUnit.MILLISECONDS);
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

    /** Queues a frame on the connection; never waits for the network (open-loop senders). */
    void send(String frame) {
        channel.writeAndFlush(new TextWebSocketFrame(frame));
    }

    void sendMessage(String destination, String body) {
        send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + body + "\0");
    }

    @Override
    public void close() {
        if (heartBeat != null) {
            heartBeat.cancel(false);
        }
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** WebSocket messages in, STOMP frames out; Artemis sends STOMP in binary WebSocket messages by default. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                open.complete(null);
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
                    || frame instanceof io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame) {
                partial.append(frame.content().toString(StandardCharsets.UTF_8));
                int nul;
                while ((nul = partial.indexOf("\0")) >= 0) {
                    String stomp = partial.substring(0, nul).stripLeading();
                    partial.delete(0, nul + 1);
                    dispatch(stomp);
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            open.completeExceptionally(cause);
            connected.completeExceptionally(cause);
            ctx.close();
        }
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
