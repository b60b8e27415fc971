package app.chat.broker;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;

/** Finds a command's {@code roomId} in its JSON body without parsing the rest (on broker threads, per frame). */
final class RoomIdField {

    private final JsonProvider json;

    RoomIdField(JsonProvider json) {
        this.json = json;
    }

    /**
     * The body's top-level {@code roomId} when it is a whole number that fits a long, else null
     * (not JSON, no such field, not a number). Reads only as far as that field.
     */
    Long of(byte[] body) {
        try (JsonParser parser = json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME && "roomId".equals(parser.getString())) {
                    return parser.next() == JsonParser.Event.VALUE_NUMBER && parser.isIntegralNumber()
                            ? longOrNull(parser) : null;
                }
                if (event == JsonParser.Event.START_OBJECT) {
                    parser.skipObject();
                } else if (event == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
            }
        } catch (RuntimeException malformed) {
            // not JSON, not UTF-8, or cut short
        }
        return null;
    }

    private static Long longOrNull(JsonParser parser) {
        try {
            return parser.getBigDecimal().longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

}
