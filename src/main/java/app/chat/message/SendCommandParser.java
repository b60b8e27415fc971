package app.chat.message;

import app.chat.platform.WellFormedText;
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
 * Reads the JSON of /app/chat.send into a {@link SendCommand}, or says why it cannot. Fields it
 * does not know are ignored; a "sender" in the body is one of them.
 */
final class SendCommandParser {

    static final int MAX_CLIENT_MSG_ID = 64;

    /** Made once: Json.createReader looks the provider up with a ServiceLoader scan on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** Either a command or the rejection to send back. */
    sealed interface Parsed permits Command, Invalid {
    }

    record Command(SendCommand command) implements Parsed {
    }

    record Invalid(Rejection rejection) implements Parsed {
    }

    private SendCommandParser() {
    }

    static Parsed parse(String body) {
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

        if (!(json.get("roomId") instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().signum() <= 0
                || n.bigIntegerValue().bitLength() > 62) {
            return invalid(clientMsgId, "roomId must be a positive integer");
        }
        if (!(json.get("text") instanceof JsonString text)) {
            return invalid(clientMsgId, "text must be a string");
        }
        return new Command(new SendCommand(n.longValue(), text.getString(), clientMsgId));
    }

    private static Invalid invalid(String clientMsgId, String why) {
        return new Invalid(new Rejection(clientMsgId, ErrorCode.INVALID_JSON, why));
    }
}
