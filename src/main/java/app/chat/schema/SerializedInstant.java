package app.chat.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.time.Instant;

/**
 * Reads an {@link Instant} as EclipseLink stored it before V2 (Java serialization of the object).
 * Those bytes come from a database, so the stream may hold java.time's serial form
 * ({@code java.time.Ser}, one level deep, 50 bytes) resolving to an Instant and nothing else: any
 * other class, or anything bigger, is refused before it is instantiated (the filter sees the
 * resolved object too, so another java.time value is refused as well).
 */
final class SerializedInstant {

    static final ObjectInputFilter JAVA_TIME_ONLY =
            ObjectInputFilter.Config.createFilter("maxdepth=1;maxrefs=4;maxbytes=128;maxarray=0;java.time.Ser;java.time.Instant;!*");

    private SerializedInstant() {
    }

    static Instant read(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(JAVA_TIME_ONLY);
            Object value = in.readObject();
            if (value instanceof Instant instant) {
                return instant;
            }
            throw new InvalidObjectException("not an Instant but " + (value == null ? "null" : value.getClass().getName()));
        } catch (ClassNotFoundException e) {
            throw new InvalidObjectException("not an Instant: " + e.getMessage());
        }
    }
}
