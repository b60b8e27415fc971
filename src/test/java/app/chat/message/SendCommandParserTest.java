package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendCommandParserTest {

    @Test
    void readsRoomTextAndClientMsgIdAndIgnoresUnknownFields() {
        var parsed = SendCommandParser.parse("{\"roomId\":42,\"text\":\"hi\",\"clientMsgId\":\"c-1\",\"sender\":\"mallory\",\"x\":[1,{\"y\":2}]}");
        var command = assertInstanceOf(SendCommandParser.Command.class, parsed).command();
        assertEquals(new SendCommand(42, "hi", "c-1"), command);
    }

    @Test
    void clientMsgIdIsOptional() {
        var command = assertInstanceOf(SendCommandParser.Command.class,
                SendCommandParser.parse("{\"roomId\":1,\"text\":\"hi\"}")).command();
        assertNull(command.clientMsgId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[]", "42", "\"text\"", "{\"roomId\":1,\"text\":\"x\"",
            "{\"text\":\"no room\"}", "{\"roomId\":\"1\",\"text\":\"string id\"}", "{\"roomId\":1.5,\"text\":\"x\"}",
            "{\"roomId\":0,\"text\":\"x\"}", "{\"roomId\":-3,\"text\":\"x\"}", "{\"roomId\":99999999999999999999,\"text\":\"x\"}",
            "{\"roomId\":1}", "{\"roomId\":1,\"text\":7}", "{\"roomId\":1,\"text\":null}",
            "{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":\"\"}", "{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":5}"})
    void malformedBodiesAreInvalidJson(String body) {
        var invalid = assertInstanceOf(SendCommandParser.Invalid.class, SendCommandParser.parse(body));
        assertEquals(ErrorCode.INVALID_JSON, invalid.rejection().code());
        assertEquals("error", invalid.rejection().type());
    }

    @Test
    void tooLongClientMsgIdIsRefusedWithoutEchoingIt() {
        String id = "k".repeat(65);
        var invalid = assertInstanceOf(SendCommandParser.Invalid.class,
                SendCommandParser.parse("{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":\"" + id + "\"}"));
        assertNull(invalid.rejection().clientMsgId());
        assertEquals(64, assertInstanceOf(SendCommandParser.Command.class,
                SendCommandParser.parse("{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":\"" + "k".repeat(64) + "\"}"))
                .command().clientMsgId().length());
    }

    @Test
    void aRejectionAfterTheIdIsReadKeepsTheIdForCorrelation() {
        var invalid = assertInstanceOf(SendCommandParser.Invalid.class,
                SendCommandParser.parse("{\"text\":\"x\",\"clientMsgId\":\"c-9\"}"));
        assertEquals("c-9", invalid.rejection().clientMsgId());
    }
}
