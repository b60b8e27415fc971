package bench;

import app.chat.stompcodec.StompFrame;
import app.chat.stompcodec.StompFrameReader;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.buffer.Unpooled;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The calibration's server: STOMP over WebSocket reduced to a fan-out. CONNECT is answered, SUBSCRIBE
 * registers (with its receipt), every SEND goes out as a MESSAGE to each subscriber of its
 * destination; nothing is stored, checked or acknowledged. It costs far less per delivery than a
 * broker, so against it the generator shows its own ceiling.
 */
public final class MockFanoutServer {

    static final String READY = "MOCK READY";

    private record Subscription(Channel channel, byte[] header) {
    }

    private final Map<String, List<Subscription>> topics = new ConcurrentHashMap<>();
    private long messageIds;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        new MockFanoutServer().serve(port);
    }

    private void serve(int port) throws Exception {
        // one thread: the mock is pinned to one core like the servers, and one thread needs no locks for messageIds
        var loop = new NioEventLoopGroup(1);
        new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketServerProtocolHandler("/stomp", "v12.stomp,v11.stomp,v10.stomp", true, 1 << 20),
                                new Frames());
                    }
                })
                .bind("127.0.0.1", port).sync();
        System.out.println(READY);
        Thread.currentThread().join();
    }

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final StompFrameReader reader = new StompFrameReader();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame msg) {
            reader.feed(msg.content().nioBuffer(), (buf, start, bodyStart, bodyEnd) -> frame(ctx, StompFrame.parse(buf, start, bodyStart, bodyEnd)));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            topics.values().forEach(subs -> subs.removeIf(s -> s.channel() == ctx.channel()));
        }

        private void frame(ChannelHandlerContext ctx, StompFrame frame) {
            switch (frame.command()) {
                case "CONNECT", "STOMP" -> reply(ctx.channel(), StompFrame.of("CONNECTED", "", "version", "1.2", "heart-beat", "0,0"));
                case "SUBSCRIBE" -> {
                    topics.computeIfAbsent(frame.header("destination"), d -> new CopyOnWriteArrayList<>())
                            .add(new Subscription(ctx.channel(), ("MESSAGE\nsubscription:" + frame.header("id") + "\n").getBytes(StandardCharsets.UTF_8)));
                    String receipt = frame.header("receipt");
                    if (receipt != null) {
                        reply(ctx.channel(), StompFrame.of("RECEIPT", "", "receipt-id", receipt));
                    }
                }
                case "SEND" -> fanOut(frame.header("destination"), frame.body());
                case "DISCONNECT" -> ctx.close();
                default -> { } // the rest: ignored
            }
        }

        /** Per delivery only the subscription line differs, so the rest of the MESSAGE is encoded once per SEND. */
        private void fanOut(String destination, String body) {
            var subs = topics.get(destination);
            if (subs == null) {
                return;
            }
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] rest = ("message-id:" + (++messageIds) + "\ndestination:" + destination + "\ncontent-type:application/json\ncontent-length:"
                    + bodyBytes.length + "\n\n").getBytes(StandardCharsets.UTF_8);
            for (Subscription s : subs) {
                ByteBuf out = s.channel().alloc().buffer(s.header().length + rest.length + bodyBytes.length + 1);
                out.writeBytes(s.header()).writeBytes(rest).writeBytes(bodyBytes).writeByte(0);
                s.channel().writeAndFlush(new BinaryWebSocketFrame(out));
            }
        }

        private void reply(Channel channel, StompFrame frame) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame.encode())));
        }
    }
}
