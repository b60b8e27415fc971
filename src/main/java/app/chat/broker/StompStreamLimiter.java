package app.chat.broker;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Follows the STOMP frames of one connection byte by byte and closes the connection, with an ERROR
 * frame, when a frame would pass the size limit or declares a content-length that is not a
 * non-negative number within it. Artemis caps each WebSocket frame but assembles a STOMP frame
 * from any number of continuation frames (or TCP reads) without a cap, and waits forever for the
 * body of a negative content-length: without this, a frame with no end, or a 10 MiB one, would sit
 * in memory whole before any other check could see it. Only this connection is closed.
 */
final class StompStreamLimiter extends ChannelInboundHandlerAdapter {

    static final String NAME = "chat-stomp-limit";
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private enum State { HEADERS, BODY_BY_LENGTH, BODY_TO_NUL }

    private final int maxFrameBytes;
    private final boolean webSocket;
    private final ByteArrayOutputStream headers = new ByteArrayOutputStream();
    private State state = State.HEADERS;
    private long frameBytes;
    private long remaining;
    private int lineLength;
    private boolean refused;

    StompStreamLimiter(int maxFrameBytes, boolean webSocket) {
        this.maxFrameBytes = maxFrameBytes;
        this.webSocket = webSocket;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes && refused) {
            bytes.release(); // what the client still sends after the refusal is dropped, not processed
            return;
        }
        if (msg instanceof ByteBuf bytes) {
            String problem = follow(bytes, bytes.readerIndex(), bytes.writerIndex());
            if (problem != null) {
                bytes.release();
                refuse(ctx, problem);
                return;
            }
        }
        super.channelRead(ctx, msg);
    }

    /** Null while all is well; otherwise why the connection must go. */
    String follow(ByteBuf bytes, int from, int end) {
        while (from < end) {
            switch (state) {
                case HEADERS -> {
                    byte b = bytes.getByte(from++);
                    if (headers.size() == 0 && (b == '\n' || b == '\r')) {
                        continue; // heart-beat between frames
                    }
                    headers.write(b);
                    frameBytes++;
                    if (frameBytes > maxFrameBytes) {
                        return "frame too large (limit " + maxFrameBytes + " bytes)";
                    }
                    if (b == 0) {
                        endFrame(); // a frame without body
                    } else if (b == '\n' && lineLength == 0) {
                        String problem = startBody(); // the blank line after the headers
                        if (problem != null) {
                            return problem;
                        }
                    } else if (b == '\n') {
                        lineLength = 0;
                    } else if (b != '\r') {
                        lineLength++;
                    }
                }
                case BODY_BY_LENGTH -> {
                    long take = Math.min(remaining, end - from);
                    from += (int) take;
                    remaining -= take;
                    if (remaining == 0) {
                        state = State.BODY_TO_NUL; // the NUL that must follow
                    }
                }
                case BODY_TO_NUL -> {
                    int nul = bytes.indexOf(from, end, (byte) 0);
                    int upTo = nul < 0 ? end : nul;
                    frameBytes += upTo - from;
                    if (frameBytes > maxFrameBytes) {
                        return "frame too large (limit " + maxFrameBytes + " bytes)";
                    }
                    from = upTo;
                    if (nul >= 0) {
                        from++;
                        endFrame();
                    }
                }
            }
        }
        return null;
    }

    private String startBody() {
        Long length = contentLength(headers.toByteArray());
        if (length == null) {
            state = State.BODY_TO_NUL;
            return null;
        }
        if (length < 0 || frameBytes + length > maxFrameBytes) {
            return "content-length must be a number from 0 to the frame limit (" + maxFrameBytes + " bytes)";
        }
        remaining = length;
        state = length == 0 ? State.BODY_TO_NUL : State.BODY_BY_LENGTH;
        return null;
    }

    /** The first content-length header (STOMP: the first occurrence wins); -1 when it is not a number. */
    private static Long contentLength(byte[] h) {
        for (int line = 0; line < h.length; ) {
            int next = line;
            while (next < h.length && h[next] != '\n') {
                next++;
            }
            if (startsWith(h, line, CONTENT_LENGTH)) {
                String value = new String(h, line + CONTENT_LENGTH.length, next - line - CONTENT_LENGTH.length,
                        StandardCharsets.US_ASCII).strip();
                return value.matches("[0-9]{1,10}") ? Long.parseLong(value) : -1L;
            }
            line = next + 1;
        }
        return null;
    }

    private static boolean startsWith(byte[] h, int at, byte[] prefix) {
        if (at + prefix.length > h.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (h[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void endFrame() {
        headers.reset();
        frameBytes = 0;
        remaining = 0;
        lineLength = 0;
        state = State.HEADERS;
    }

    private void refuse(ChannelHandlerContext ctx, String problem) {
        refused = true;
        refuse(ctx.channel(), webSocket, problem);
    }

    /**
     * Sends a STOMP ERROR and closes the connection; on a WebSocket with a proper close frame (1009),
     * so that the client tells a refusal from a network failure and does not wait for a timeout.
     */
    static void refuse(io.netty.channel.Channel channel, boolean webSocket, String problem) {
        String error = "ERROR\nmessage:" + problem + "\ncontent-type:text/plain\n\n" + problem + "\0";
        // written from the pipeline's tail, so Artemis' own encoder wraps it in a WebSocket frame
        var written = channel.writeAndFlush(Unpooled.copiedBuffer(error, StandardCharsets.UTF_8));
        if (webSocket) {
            written = channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG));
        }
        written.addListener(ChannelFutureListener.CLOSE);
    }
}
