package bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.GenericFutureListener;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One STOMP 1.2 connection over a Netty WebSocket client: CONNECT, SUBSCRIBE, SEND out; MESSAGE
 * frames handed to a {@link StompCodec.FrameHandler} on the connection's event-loop thread as a byte
 * range. A connection lives on one event loop, so what its handler keeps needs no lock.
 */
final class StompConnection implements AutoCloseable {

    /** Like stomp.js: without heart-beats the broker drops a connection that has sent nothing for its TTL (60 s). */
    private static final int HEART_BEAT_MS = 10_000;

    private final StompCodec.FrameSplitter splitter = new StompCodec.FrameSplitter();
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final StompCodec.FrameHandler onMessage;
    private volatile CompletableFuture<String> pendingReceipt;
    private Channel channel;
    private ScheduledFuture<?> heartBeat;
    private int ids;

    private StompConnection(StompCodec.FrameHandler onMessage) {
        this.onMessage = onMessage;
    }

    static StompConnection open(EventLoopGroup loops, URI endpoint, String login, String passcode, StompCodec.FrameHandler onMessage)
            throws Exception {
        StompConnection c = new StompConnection(onMessage);
        var handshake = WebSocketClientProtocolConfig.newBuilder().webSocketUri(endpoint).version(WebSocketVersion.V13)
                .subprotocol("v12.stomp").customHeaders(new DefaultHttpHeaders()).maxFramePayloadLength(1 << 20)
                .handshakeTimeoutMillis(20_000).build();
        c.channel = new Bootstrap().group(loops).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(handshake), c.new Frames());
                    }
                })
                .connect(endpoint.getHost(), endpoint.getPort()).sync().channel();
        c.open.get(20, TimeUnit.SECONDS);
        c.write(StompCodec.connect(c.channel.alloc(), login, passcode, HEART_BEAT_MS));
        String reply = c.connected.get(20, TimeUnit.SECONDS);
        if (!reply.startsWith("CONNECTED")) {
            throw new IllegalStateException("CONNECT refused: " + reply);
        }
        c.heartBeat = c.channel.eventLoop().scheduleAtFixedRate(() -> c.write(StompCodec.heartBeat()),
                HEART_BEAT_MS, HEART_BEAT_MS, TimeUnit.MILLISECONDS);
        return c;
    }

    /** SUBSCRIBE and wait for its receipt, so a measurement never starts before its subscribers. */
    void subscribe(String destination) throws Exception {
        var receipt = new CompletableFuture<String>();
        pendingReceipt = receipt;
        write(StompCodec.subscribe(channel.alloc(), ++ids, destination));
        String reply = receipt.get(20, TimeUnit.SECONDS);
        if (!reply.startsWith("RECEIPT")) {
            throw new IllegalStateException("SUBSCRIBE " + destination + " refused: " + reply);
        }
    }

    /** Queues a SEND; never waits for the network (open-loop senders). {@code written} runs once it left. */
    void send(String destination, String body, GenericFutureListener<io.netty.util.concurrent.Future<? super Void>> written) {
        channel.writeAndFlush(new TextWebSocketFrame(StompCodec.send(channel.alloc(), destination, body))).addListener(written);
    }

    /** stomp.js sends text WebSocket messages. */
    private void write(ByteBuf frame) {
        channel.writeAndFlush(new TextWebSocketFrame(frame));
    }

    @Override
    public void close() {
        if (heartBeat != null) {
            heartBeat.cancel(false);
        }
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channel.eventLoop().execute(splitter::release);
    }

    /** WebSocket messages in (Artemis sends STOMP in binary ones by default), STOMP frames out. */
    private final class Frames extends ChannelInboundHandlerAdapter implements StompCodec.FrameHandler {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                open.complete(null);
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof WebSocketFrame frame) {
                try {
                    splitter.feed(frame.content(), this);
                } finally {
                    frame.release();
                }
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void frame(ByteBuf buf, int start, int end) {
            if (StompCodec.isMessage(buf, start)) {
                onMessage.frame(buf, start, end);
                return;
            }
            String frame = StompCodec.text(buf, start, end);
            if (frame.startsWith("CONNECTED") || (frame.startsWith("ERROR") && !connected.isDone())) {
                connected.complete(frame);
            } else if (frame.startsWith("RECEIPT") || frame.startsWith("ERROR")) {
                var receipt = pendingReceipt;
                if (receipt != null) {
                    receipt.complete(frame);
                }
                if (frame.startsWith("ERROR")) {
                    System.err.println("STOMP ERROR: " + frame);
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
}
