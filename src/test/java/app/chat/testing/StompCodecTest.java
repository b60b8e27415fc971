package app.chat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.stompcodec.StompFrameReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The STOMP codec that the test client and the benchmark share (bench/src/codec/java). */
class StompCodecTest {

    private final StompFrameReader reader = new StompFrameReader();
    private final List<StompFrame> frames = new ArrayList<>();

    private List<StompFrame> feed(String... chunks) {
        for (String chunk : chunks) {
            reader.feed(chunk.getBytes(StandardCharsets.UTF_8), (buf, start, bodyStart, bodyEnd) ->
                    frames.add(StompFrame.parse(buf, start, bodyStart, bodyEnd)));
        }
        return frames;
    }

    private static String text(StompFrame frame) {
        return new String(frame.encode(), StandardCharsets.UTF_8);
    }

    @Test
    void encodesWithContentLengthInUtf8BytesAndDecodesBack() {
        var send = StompFrame.of("SEND", "{\"text\":\"héllo 👋\"}", "destination", "/app/chat.send", "content-type", "application/json")
                .withContentLength();
        assertEquals("SEND\ndestination:/app/chat.send\ncontent-type:application/json\ncontent-length:22\n\n{\"text\":\"héllo 👋\"}\0", text(send));
        StompFrame back = feed(text(send)).get(0);
        assertEquals("SEND", back.command());
        assertEquals("22", back.header("content-length"));
        assertEquals(send.body(), back.body());
        assertEquals("/app/chat.send", back.header("destination"));
    }

    @Test
    void headersAreWrittenAsGivenAndContentLengthOnlyWhenAsked() {
        assertEquals("SUBSCRIBE\nid:1\ndestination:/topic/room.1\n\n\0", text(StompFrame.of("SUBSCRIBE", "", "id", "1", "destination", "/topic/room.1")));
        assertEquals("SEND\ndestination:/q\n\nabc\0", text(StompFrame.of("SEND", "abc", "destination", "/q")));
        assertEquals("SEND\ncontent-length:1\n\nabc\0", text(StompFrame.of("SEND", "abc", "content-length", "1")), "a hostile one stays");
        assertEquals("SEND\ncontent-length:3\n\nabc\0", text(StompFrame.of("SEND", "abc", "content-length", "1").withContentLength()));
        assertEquals("CONNECT\ncontent-length:0\n\n\0", text(StompFrame.of("CONNECT", "").withContentLength()));
    }

    @Test
    void contentLengthBodiesMayHoldNulsAndWhatLooksLikeFrames() {
        String body = "a\0b\n\nMESSAGE\n\n\0";
        List<StompFrame> got = feed("MESSAGE\ncontent-length:" + body.length() + "\n\n" + body + "\0", "RECEIPT\nreceipt-id:r1\n\n\0");
        assertEquals(2, got.size(), got.toString());
        assertEquals(body, got.get(0).body());
        assertEquals("r1", got.get(1).header("receipt-id"));
    }

    @Test
    void escapedHeadersRoundTripExceptInConnectFrames() {
        var frame = StompFrame.of("SEND", "x", "we:ird\\name", "line\nbreak\rcolon:back\\slash").withContentLength();
        String wire = text(frame);
        assertTrue(wire.contains("we\\cird\\\\name:line\\nbreak\\rcolon\\cback\\\\slash\n"), wire);
        assertEquals(frame.headers().get("we:ird\\name"), feed(wire).get(0).header("we:ird\\name"));

        var connect = StompFrame.of("CONNECT", "", "login", "a:b", "passcode", "c\\d");
        assertEquals("CONNECT\nlogin:a:b\npasscode:c\\d\n\n\0", text(connect));
        assertEquals("c\\d", feed(text(connect)).get(1).header("passcode"));
    }

    @Test
    void theFirstOfARepeatedHeaderCountsAndUnknownEscapesStay() {
        StompFrame f = feed("MESSAGE\nfoo:one\nfoo:two\nodd:a\\tb\n\nbody\0").get(0);
        assertEquals("one", f.header("foo"));
        assertEquals("a\\tb", f.header("odd"));
    }

    @Test
    void severalFramesInOneChunkWithHeartBeatsAndCrLfBetween() {
        List<StompFrame> got = feed("\n\r\nCONNECTED\r\nversion:1.2\r\n\r\n\0\nMESSAGE\nsubscription:s\n\none\0\n\nMESSAGE\n\ntwo\0\n");
        assertEquals(List.of("CONNECTED", "MESSAGE", "MESSAGE"), got.stream().map(StompFrame::command).toList());
        assertEquals("1.2", got.get(0).header("version"));
        assertEquals("one", got.get(1).body());
        assertEquals("two", got.get(2).body());
        assertEquals(0, reader.pending());
    }

    @Test
    void framesSplitAcrossChunksAtEveryByte() {
        byte[] wire = (text(StompFrame.of("MESSAGE", "{\"text\":\"é👋\"}", "destination", "/topic/room.1").withContentLength())
                + "\n" + text(StompFrame.of("MESSAGE", "no length", "content-length", "")) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < wire.length; cut++) {
            var r = new StompFrameReader();
            List<StompFrame> got = new ArrayList<>();
            r.feed(ByteBuffer.wrap(wire, 0, cut), (buf, s, bs, be) -> got.add(StompFrame.parse(buf, s, bs, be)));
            r.feed(wire, cut, wire.length - cut, (buf, s, bs, be) -> got.add(StompFrame.parse(buf, s, bs, be)));
            assertEquals(2, got.size(), "cut at " + cut);
            assertEquals("{\"text\":\"é👋\"}", got.get(0).body(), "cut at " + cut);
            assertEquals("no length", got.get(1).body(), "cut at " + cut);
        }
    }

    @Test
    void aBodyLargerThanTheBufferAndBareHeartBeats() {
        String big = "z".repeat(70 * 1024);
        assertEquals(List.of(), feed("\n", "\n", "\r\n"));
        String wire = text(StompFrame.of("ERROR", big, "message", "too big").withContentLength());
        assertEquals(List.of(), feed(wire.substring(0, 5000), wire.substring(5000, 40_000)));
        assertEquals(big, feed(wire.substring(40_000)).get(0).body());
    }

    @Test
    void aFrameEndingBeforeItsBlankLineStillEnds() {
        List<StompFrame> got = feed("RECEIPT\nreceipt-id:r1\0MESSAGE\n\nb\0");
        assertEquals("r1", got.get(0).header("receipt-id"));
        assertEquals("", got.get(0).body());
        assertEquals("b", got.get(1).body());
    }

    @Test
    void aContentLengthBodyWithoutItsNulIsAnError() {
        assertThrows(IllegalStateException.class, () -> feed("MESSAGE\ncontent-length:2\n\nabc\0"));
    }
}
