package bench;

import app.chat.stompcodec.StompFrame;
import app.chat.stompcodec.StompFrameReader;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
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
 * frames handed to a {@link StompFrameReader.Handler} on the connection's event-loop thread as a byte
 * range, never as a String: at 100,000 deliveries/s a String and a regex per delivery cost more CPU
 * than everything else the generator does. Frames are written and cut by the codec the chat's test
 * client shares ({@link StompFrame}, {@link StompFrameReader}). A connection lives on one event loop,
 * so what its handler keeps needs no lock.
 */
final class StompConnection implements AutoCloseable {

    /** Like stomp.js: without heart-beats the broker drops a connection that has sent nothing for its TTL (60 s). */
    private static final int HEART_BEAT_MS = 10_000;
    private static final byte[] EOL = {'\n'};

    private final StompFrameReader reader = new StompFrameReader();
    private final CompletableFuture<StompFrame> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final StompFrameReader.Handler onMessage;
    private volatile CompletableFuture<StompFrame> pendingReceipt;
    private Channel channel;
    private ScheduledFuture<?> heartBeat;
    private int ids;

    private StompConnection(StompFrameReader.Handler onMessage) {
        this.onMessage = onMessage;
    }

    static StompConnection open(EventLoopGroup loops, URI endpoint, String login, String passcode, StompFrameReader.Handler onMessage)
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
        String heartBeat = HEART_BEAT_MS + "," + HEART_BEAT_MS;
        c.write(login == null ? StompFrame.of("CONNECT", "", "accept-version", "1.2", "host", "chat", "heart-beat", heartBeat)
                : StompFrame.of("CONNECT", "", "accept-version", "1.2", "host", "chat", "heart-beat", heartBeat,
                        "login", login, "passcode", passcode));
        StompFrame reply = c.connected.get(20, TimeUnit.SECONDS);
        if (!reply.command().equals("CONNECTED")) {
            throw new IllegalStateException("CONNECT refused: " + reply);
        }
        c.heartBeat = c.channel.eventLoop().scheduleAtFixedRate(() -> c.channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(EOL))),
                HEART_BEAT_MS, HEART_BEAT_MS, TimeUnit.MILLISECONDS);
        return c;
    }

    /** SUBSCRIBE and wait for its receipt, so a measurement never starts before its subscribers. */
    void subscribe(String destination) throws Exception {
        var receipt = new CompletableFuture<StompFrame>();
        pendingReceipt = receipt;
        int id = ++ids;
        write(StompFrame.of("SUBSCRIBE", "", "id", Integer.toString(id), "destination", destination, "ack", "auto", "receipt", "r" + id));
        StompFrame reply = receipt.get(20, TimeUnit.SECONDS);
        if (!reply.command().equals("RECEIPT")) {
            throw new IllegalStateException("SUBSCRIBE " + destination + " refused: " + reply);
        }
    }

    /**
     * Queues a SEND; never waits for the network (open-loop senders). {@code written} runs once it left.
     * As stomp.js writes it: with content-length, which makes Artemis store the body as bytes, as it does a browser's.
     */
    void send(String destination, String body, GenericFutureListener<io.netty.util.concurrent.Future<? super Void>> written) {
        var frame = StompFrame.of("SEND", body, "destination", destination, "content-type", "application/json").withContentLength();
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame.encode()))).addListener(written);
    }

    /** stomp.js sends text WebSocket messages. */
    private void write(StompFrame frame) {
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame.encode())));
    }

    @Override
    public void close() {
        if (heartBeat != null) {
            heartBeat.cancel(false);
        }
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** WebSocket messages in (Artemis sends STOMP in binary ones by default), STOMP frames out. */
    private final class Frames extends ChannelInboundHandlerAdapter implements StompFrameReader.Handler {

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
                    reader.feed(frame.content().nioBuffer(), this);
                } finally {
                    frame.release();
                }
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void frame(byte[] buf, int start, int bodyStart, int bodyEnd) {
            if (buf[start] == 'M') { // MESSAGE: no other server frame starts with 'M'
                onMessage.frame(buf, start, bodyStart, bodyEnd);
                return;
            }
            StompFrame frame = StompFrame.parse(buf, start, bodyStart, bodyEnd); // the rare control frames: a String is fine there
            String command = frame.command();
            if (command.equals("CONNECTED") || (command.equals("ERROR") && !connected.isDone())) {
                connected.complete(frame);
            } else if (command.equals("RECEIPT") || command.equals("ERROR")) {
                var receipt = pendingReceipt;
                if (receipt != null) {
                    receipt.complete(frame);
                }
                if (command.equals("ERROR")) {
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
