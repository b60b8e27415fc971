package app.chat.message;

import app.chat.platform.WellFormedText;
import app.chat.publish.Destinations;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads the JSON a client sent to /app/chat.send, chat.edit or chat.delete into a {@link ChatCommand},
 * or says why it cannot. Fields it does not know are ignored; a "sender" in the body is one of them.
 */
final class CommandParser {

    static final int MAX_CLIENT_MSG_ID = 64;

    /** Made once: Json.createReader looks the provider up with a ServiceLoader scan on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** Either a command or the rejection to send back. */
    sealed interface Parsed permits Command, Invalid {
    }

    record Command(ChatCommand command) implements Parsed {
    }

    record Invalid(Rejection rejection) implements Parsed {
    }

    private CommandParser() {
    }

    /** A body sent to /app/chat.send. */
    static Parsed parse(String body) {
        return parse(Destinations.CHAT_SEND, body);
    }

    /** A body sent to {@code destination}, one of {@link Destinations#isCommand}. */
    static Parsed parse(String destination, String body) {
        JsonObject json;
        try {
            JsonValue value = READERS.createReader(new StringReader(body == null ? "" : body)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return invalid(null, "the body must be a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException e) {
            return invalid(null, "the body is not valid JSON");
        } catch (RuntimeException e) {
            // the parser's own limits (nesting depth, number size) throw plain runtime exceptions
            return invalid(null, "the body is not acceptable JSON: " + e.getMessage());
        }

        JsonValue idValue = json.get("clientMsgId");
        String clientMsgId = null;
        if (idValue != null && idValue != JsonValue.NULL) {
            if (!(idValue instanceof JsonString s) || s.getString().isEmpty()
                    || s.getString().length() > MAX_CLIENT_MSG_ID || !WellFormedText.isWellFormed(s.getString())) {
                return invalid(null, "clientMsgId must be a string of 1-" + MAX_CLIENT_MSG_ID + " characters");
            }
            clientMsgId = s.getString();
        }

        Long roomId = positiveId(json, "roomId");
        if (roomId == null) {
            return invalid(clientMsgId, "roomId must be a positive integer");
        }
        Long messageId = null;
        if (!Destinations.CHAT_SEND.equals(destination)) {
            messageId = positiveId(json, "messageId");
            if (messageId == null) {
                return invalid(clientMsgId, "messageId must be a positive integer");
            }
        }
        if (Destinations.CHAT_DELETE.equals(destination)) {
            return new Command(new DeleteCommand(roomId, messageId, clientMsgId));
        }
        if (!(json.get("text") instanceof JsonString text)) {
            return invalid(clientMsgId, "text must be a string");
        }
        return new Command(messageId == null ? new SendCommand(roomId, text.getString(), clientMsgId)
                : new EditCommand(roomId, messageId, text.getString(), clientMsgId));
    }

    /**
     * A membership change the server queued ({@link MemberChangeRecorder}); null when the body is not
     * one, which only a bug makes.
     */
    static MemberCommand parseMemberChange(String body) {
        try {
            JsonObject json = READERS.createReader(new StringReader(body == null ? "" : body)).readObject();
            Long roomId = positiveId(json, "roomId");
            String action = json.getString("action", null);
            String user = json.getString("user", null);
            String by = json.getString("by", null);
            String eventId = json.getString("eventId", null);
            if (roomId == null || action == null || user == null || by == null || eventId == null) {
                return null;
            }
            return new MemberCommand(roomId, action, user, by, json.getString("role", null), eventId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The field when it is a whole number from 1 to 2^62, else null. */
    private static Long positiveId(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().signum() <= 0
                || n.bigIntegerValue().bitLength() > 62) {
            return null;
        }
        return n.longValue();
    }

    private static Invalid invalid(String clientMsgId, String why) {
        return new Invalid(new Rejection(clientMsgId, ErrorCode.INVALID_JSON, why));
    }
}
