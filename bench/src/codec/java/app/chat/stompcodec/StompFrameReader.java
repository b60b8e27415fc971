package app.chat.stompcodec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts a STOMP 1.2 byte stream into frames, whatever chunks it arrives in: several frames in one
 * chunk, a frame split across chunks, heart-beats (bare EOLs) between frames. A frame with a
 * content-length header has a body of exactly that many bytes (which may hold NULs) followed by a
 * NUL; without one, the body ends at the first NUL. Each frame is handed on as a byte range, so a
 * reader that wants only part of it (the benchmark: the body of a MESSAGE) makes no String;
 * {@link StompFrame#parse} makes the whole frame. One reader per connection, one thread at a time.
 */
public final class StompFrameReader {

    /** Receives a frame as buf[start, bodyEnd), its body at [bodyStart, bodyEnd); buf is only valid during the call. */
    @FunctionalInterface
    public interface Handler {
        void frame(byte[] buf, int start, int bodyStart, int bodyEnd);
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[4096];
    private int start;
    private int end;

    public void feed(byte[] chunk, Handler handler) {
        feed(chunk, 0, chunk.length, handler);
    }

    public void feed(byte[] chunk, int offset, int length, Handler handler) {
        int at = room(length); // first: it may replace buf
        System.arraycopy(chunk, offset, buf, at, length);
        end += length;
        drain(handler);
    }

    /** Reads the buffer's remaining bytes (its position moves to its limit). */
    public void feed(ByteBuffer chunk, Handler handler) {
        int length = chunk.remaining();
        int at = room(length);
        chunk.get(buf, at, length);
        end += length;
        drain(handler);
    }

    /** Bytes held for a frame that has not ended yet (0 between frames). */
    public int pending() {
        return end - start;
    }

    /** Where {@code length} more bytes go: after what is kept, which moves to the front or into a bigger array if need be. */
    private int room(int length) {
        if (end + length > buf.length) {
            int kept = end - start;
            byte[] to = kept + length > buf.length ? new byte[Math.max(buf.length * 2, kept + length)] : buf;
            System.arraycopy(buf, start, to, 0, kept);
            buf = to;
            start = 0;
            end = kept;
        }
        return end;
    }

    private void drain(Handler handler) {
        while (true) {
            while (start < end && (buf[start] == '\n' || buf[start] == '\r')) {
                start++; // heart-beats between frames
            }
            int bodyStart = bodyStart(start, end);
            if (bodyStart < 0) {
                break;
            }
            int bodyEnd;
            if (buf[bodyStart - 1] == 0) {
                bodyEnd = --bodyStart; // a NUL before the blank line: a frame with neither blank line nor body
            } else {
                long length = contentLength(start, bodyStart);
                if (length >= 0) {
                    if (bodyStart + length >= end) {
                        break; // body and NUL not all here yet
                    }
                    bodyEnd = bodyStart + (int) length;
                    if (buf[bodyEnd] != 0) {
                        throw new IllegalStateException("STOMP frame: no NUL after its content-length of " + length + " bytes: "
                                + new String(buf, start, Math.min(end - start, 200), java.nio.charset.StandardCharsets.UTF_8));
                    }
                } else {
                    bodyEnd = indexOfNul(bodyStart, end);
                    if (bodyEnd < 0) {
                        break;
                    }
                }
            }
            handler.frame(buf, start, bodyStart, bodyEnd);
            start = bodyEnd + 1;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** The index after the blank line that ends the headers, or after a NUL met first; -1 when neither is here yet. */
    private int bodyStart(int from, int to) {
        boolean lineEmpty = true;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == '\n') {
                if (lineEmpty && i > from) {
                    return i + 1;
                }
                lineEmpty = true;
            } else if (b == 0) {
                return i + 1;
            } else if (b != '\r') {
                lineEmpty = false;
            }
        }
        return -1;
    }

    /** The first content-length header's value; -1 when there is none or it is not a number. */
    private long contentLength(int from, int to) {
        for (int line = from; line < to; ) {
            if (matches(line, to)) {
                long value = 0;
                int i = line + CONTENT_LENGTH.length;
                int digits = 0;
                while (i < to && buf[i] >= '0' && buf[i] <= '9' && digits < 10) {
                    value = value * 10 + (buf[i++] - '0');
                    digits++;
                }
                boolean lineEnds = i < to && (buf[i] == '\n' || buf[i] == '\r');
                return digits > 0 && lineEnds && value <= Integer.MAX_VALUE ? value : -1;
            }
            while (line < to && buf[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    private boolean matches(int at, int to) {
        if (at + CONTENT_LENGTH.length > to) {
            return false;
        }
        return Arrays.equals(buf, at, at + CONTENT_LENGTH.length, CONTENT_LENGTH, 0, CONTENT_LENGTH.length);
    }

    private int indexOfNul(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
