package bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The generator's STOMP 1.2 codec. Outgoing frames are written straight into a ByteBuf; incoming
 * bytes are split into frames in place (a frame ends at its NUL: our bodies never contain one, so
 * content-length is not needed to find the end) and MESSAGE frames are handed on as a byte range,
 * never as a String: at 100,000 deliveries/s a String and a regex per delivery cost more CPU than
 * everything else the generator does.
 */
final class StompCodec {

    /** Receives each complete frame as buf[start, end), the NUL excluded; only valid during the call. */
    interface FrameHandler {
        void frame(ByteBuf buf, int start, int end);
    }

    static final byte NUL = 0;
    static final byte LF = '\n';

    private StompCodec() {
    }

    static ByteBuf connect(ByteBufAllocator alloc, String login, String passcode, int heartBeatMs) {
        return ascii(alloc, "CONNECT\naccept-version:1.2\nhost:chat\nheart-beat:" + heartBeatMs + "," + heartBeatMs + "\n"
                + (login == null ? "" : "login:" + login + "\npasscode:" + passcode + "\n") + "\n\0");
    }

    static ByteBuf subscribe(ByteBufAllocator alloc, int id, String destination) {
        return ascii(alloc, "SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nack:auto\nreceipt:r" + id + "\n\n\0");
    }

    static ByteBuf heartBeat() {
        return Unpooled.wrappedBuffer(new byte[] {LF});
    }

    /** A SEND as stomp.js writes it: with content-length, which makes Artemis store the body as bytes, as it does a browser's. */
    static ByteBuf send(ByteBufAllocator alloc, String destination, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = alloc.buffer(96 + destination.length() + bytes.length);
        buf.writeCharSequence("SEND\ndestination:", StandardCharsets.US_ASCII);
        buf.writeCharSequence(destination, StandardCharsets.UTF_8);
        buf.writeCharSequence("\ncontent-type:application/json\ncontent-length:", StandardCharsets.US_ASCII);
        buf.writeCharSequence(Integer.toString(bytes.length), StandardCharsets.US_ASCII);
        buf.writeCharSequence("\n\n", StandardCharsets.US_ASCII);
        buf.writeBytes(bytes);
        buf.writeByte(NUL);
        return buf;
    }

    private static ByteBuf ascii(ByteBufAllocator alloc, String frame) {
        ByteBuf buf = alloc.buffer(frame.length());
        buf.writeCharSequence(frame, StandardCharsets.UTF_8);
        return buf;
    }

    /** Is buf[start..] a MESSAGE frame? (No other server frame starts with 'M'.) */
    static boolean isMessage(ByteBuf buf, int start) {
        return buf.getByte(start) == 'M';
    }

    /** The index of the first body byte (after the blank line), or end if there is none. */
    static int bodyStart(ByteBuf buf, int start, int end) {
        int i = start;
        while (i < end) {
            int lf = buf.indexOf(i, end, LF);
            if (lf < 0 || lf + 1 >= end) {
                return end;
            }
            if (buf.getByte(lf + 1) == LF) {
                return lf + 2;
            }
            i = lf + 1;
        }
        return end;
    }

    /**
     * Cuts a byte stream into STOMP frames. Artemis sends one frame per WebSocket message, so the
     * usual case is parsed in place; the remainder of a frame split across messages is kept here.
     * Heart-beats (bare line feeds) before a frame are skipped. One per connection, event loop only.
     */
    static final class FrameSplitter {

        private ByteBuf partial;

        void feed(ByteBuf in, FrameHandler handler) {
            ByteBuf buf = in;
            if (partial != null && partial.isReadable()) {
                partial.writeBytes(in);
                buf = partial;
            }
            int from = buf.readerIndex();
            int end = buf.writerIndex();
            while (from < end) {
                while (from < end && (buf.getByte(from) == LF || buf.getByte(from) == '\r')) {
                    from++;
                }
                int nul = buf.indexOf(from, end, NUL);
                if (nul < 0) {
                    break;
                }
                handler.frame(buf, from, nul);
                from = nul + 1;
            }
            if (from < end) {
                if (buf != partial) {
                    if (partial == null) {
                        partial = Unpooled.buffer(4096);
                    }
                    partial.clear().writeBytes(buf, from, end - from);
                } else {
                    partial.readerIndex(from);
                    partial.discardReadBytes();
                }
            } else if (partial != null) {
                partial.clear();
            }
        }

        void release() {
            if (partial != null) {
                partial.release();
            }
        }
    }

    /** For the rare control frames (CONNECTED, RECEIPT, ERROR): a String is fine there. */
    static String text(ByteBuf buf, int start, int end) {
        return buf.toString(start, end - start, StandardCharsets.UTF_8);
    }
}
