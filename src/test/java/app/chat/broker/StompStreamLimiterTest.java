package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StompStreamLimiterTest {

    final StompStreamLimiter limiter = new StompStreamLimiter(100, false);

    private String feed(String... parts) {
        for (String part : parts) {
            ByteBuf b = Unpooled.copiedBuffer(part, StandardCharsets.UTF_8);
            String problem = limiter.follow(b, b.readerIndex(), b.writerIndex());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    @Test
    void framesWithinTheLimitPassHoweverTheyAreSplit() {
        assertNull(feed("SEND\ndestination:/app/x\n\n{\"a\":1}\0", "\n\n", "SEND\ndest", "ination:/app/x\n\nbody\0"));
        assertNull(feed("CONNECT\nlogin:a\npasscode:b\n\n\0"));
    }

    @Test
    void aFrameWithoutItsNulIsCutOffAtTheLimit() {
        assertNull(feed("SEND\ndestination:/app/x\n\n", "y".repeat(60)));
        assertNotNull(feed("y".repeat(60)));
    }

    @Test
    void endlessHeadersAreCutOff() {
        assertNotNull(feed("SEND\nhuge:" + "h".repeat(200)));
    }

    @Test
    void contentLengthMustBeASaneNumber() {
        assertTrue(feed("SEND\ncontent-length:-5\n\nabc\0").contains("content-length"));
        assertTrue(new StompStreamLimiter(100, false).follow(buf("SEND\ncontent-length:lots\n\nabc\0"), 0, 27).contains("content-length"));
        assertNotNull(new StompStreamLimiter(100, false).follow(buf("SEND\ncontent-length:5000\n\n"), 0, 27));
    }

    @Test
    void aBodyOfDeclaredLengthMayHoldNuls() {
        assertNull(feed("SEND\ncontent-length:5\r\n\r\na\0b\0c\0", "SEND\n\nnext\0"));
    }

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
