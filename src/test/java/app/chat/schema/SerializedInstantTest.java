package app.chat.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** V2 reads what EclipseLink wrote (Java serialization of an Instant) and refuses anything else. */
class SerializedInstantTest {

    static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsTheInstantsEclipseLinkStored() throws IOException {
        for (Instant instant : List.of(Instant.parse("2026-11-30T23:59:59.123Z"), Instant.EPOCH,
                Instant.parse("1969-07-20T20:17:40Z"), Instant.parse("2026-12-03T08:00:00.123456789Z"))) {
            assertEquals(instant, SerializedInstant.read(serialized(instant)));
        }
    }

    @Test
    void otherClassesAreRefusedBeforeTheyAreBuilt() {
        assertThrows(InvalidClassException.class, () -> SerializedInstant.read(serialized(new Date(0))));
        assertThrows(InvalidClassException.class, () -> SerializedInstant.read(serialized(new HashMap<>())));
        assertThrows(InvalidClassException.class, () -> SerializedInstant.read(serialized(new Gadget())));
        assertThrows(InvalidClassException.class, () -> SerializedInstant.read(serialized(new ArrayList<>(List.of(Instant.EPOCH)))));
    }

    @Test
    void otherJavaTimeValuesAreRefusedToo() {
        assertThrows(InvalidClassException.class, () -> SerializedInstant.read(serialized(LocalDate.of(2026, 12, 3))));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IOException.class, () -> SerializedInstant.read(new byte[] {1, 2, 3}));
    }

    /** Stands for a class whose deserialization would do harm: it must never be instantiated. */
    static class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        private void readObject(java.io.ObjectInputStream in) {
            throw new AssertionError("deserialized a class outside java.time");
        }
    }
}
