package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.chat.publish.Destinations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @Test
    void readsRoomTextAndClientMsgIdAndIgnoresUnknownFields() {
        var parsed = CommandParser.parse("{\"roomId\":42,\"text\":\"hi\",\"clientMsgId\":\"c-1\",\"sender\":\"mallory\",\"x\":[1,{\"y\":2}]}");
        var command = assertInstanceOf(CommandParser.Command.class, parsed).command();
        assertEquals(new SendCommand(42, "hi", "c-1"), command);
    }

    @Test
    void clientMsgIdIsOptional() {
        var command = assertInstanceOf(CommandParser.Command.class,
                CommandParser.parse("{\"roomId\":1,\"text\":\"hi\"}")).command();
        assertNull(command.clientMsgId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[]", "42", "\"text\"", "{\"roomId\":1,\"text\":\"x\"",
            "{\"text\":\"no room\"}", "{\"roomId\":\"1\",\"text\":\"string id\"}", "{\"roomId\":1.5,\"text\":\"x\"}",
            "{\"roomId\":0,\"text\":\"x\"}", "{\"roomId\":-3,\"text\":\"x\"}", "{\"roomId\":99999999999999999999,\"text\":\"x\"}",
            "{\"roomId\":1}", "{\"roomId\":1,\"text\":7}", "{\"roomId\":1,\"text\":null}",
            "{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":\"\"}", "{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":5}"})
    void malformedBodiesAreInvalidJson(String body) {
        var invalid = assertInstanceOf(CommandParser.Invalid.class, CommandParser.parse(body));
        assertEquals(ErrorCode.INVALID_JSON, invalid.rejection().code());
        assertEquals("error", invalid.rejection().type());
    }

    @Test
    void tooLongClientMsgIdIsRefusedWithoutEchoingIt() {
        String id = "k".repeat(65);
        var invalid = assertInstanceOf(CommandParser.Invalid.class,
                CommandParser.parse("{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":\"" + id + "\"}"));
        assertNull(invalid.rejection().clientMsgId());
        assertEquals(64, assertInstanceOf(CommandParser.Command.class,
                CommandParser.parse("{\"roomId\":1,\"text\":\"x\",\"clientMsgId\":\"" + "k".repeat(64) + "\"}"))
                .command().clientMsgId().length());
    }

    @Test
    void aRejectionAfterTheIdIsReadKeepsTheIdForCorrelation() {
        var invalid = assertInstanceOf(CommandParser.Invalid.class,
                CommandParser.parse("{\"text\":\"x\",\"clientMsgId\":\"c-9\"}"));
        assertEquals("c-9", invalid.rejection().clientMsgId());
    }

    @Test
    void anEditNamesRoomMessageAndText() {
        var command = assertInstanceOf(CommandParser.Command.class, CommandParser.parse(Destinations.CHAT_EDIT,
                "{\"roomId\":4,\"messageId\":1200,\"text\":\"fixed\",\"clientMsgId\":\"e-1\"}")).command();
        assertEquals(new EditCommand(4, 1200, "fixed", "e-1"), command);
    }

    @Test
    void aDeleteNamesRoomAndMessageAndNeedsNoText() {
        var command = assertInstanceOf(CommandParser.Command.class, CommandParser.parse(Destinations.CHAT_DELETE,
                "{\"roomId\":4,\"messageId\":1200,\"clientMsgId\":\"d-1\"}")).command();
        assertEquals(new DeleteCommand(4, 1200, "d-1"), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"roomId\":4,\"text\":\"no message id\"}", "{\"roomId\":4,\"messageId\":\"12\",\"text\":\"x\"}",
            "{\"roomId\":4,\"messageId\":0,\"text\":\"x\"}", "{\"roomId\":4,\"messageId\":1.5,\"text\":\"x\"}",
            "{\"roomId\":4,\"messageId\":12}", "{\"messageId\":12,\"text\":\"x\"}", "[]"})
    void anEditWithoutAWellFormedMessageIdOrTextIsInvalidJson(String body) {
        var invalid = assertInstanceOf(CommandParser.Invalid.class, CommandParser.parse(Destinations.CHAT_EDIT, body));
        assertEquals(ErrorCode.INVALID_JSON, invalid.rejection().code());
    }

    @Test
    void aDeleteWithoutAMessageIdIsInvalidJson() {
        var invalid = assertInstanceOf(CommandParser.Invalid.class,
                CommandParser.parse(Destinations.CHAT_DELETE, "{\"roomId\":4,\"clientMsgId\":\"d-2\"}"));
        assertEquals(ErrorCode.INVALID_JSON, invalid.rejection().code());
        assertEquals("d-2", invalid.rejection().clientMsgId());
    }
}
