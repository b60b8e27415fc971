package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ServerInternalsTest {

    static class Pool {
        private final int maximum = 32;

        private int waiting(int extra) {
            return 2 + extra;
        }
    }

    static class PoolOfAServer extends Pool {
    }

    @Test
    void readsPrivateFieldsAndMethodsDeclaredUpTheHierarchy() throws Exception {
        Object pool = new PoolOfAServer();
        assertEquals(32, ServerInternals.field(pool, "maximum"));
        assertEquals(3, ServerInternals.call(pool, "waiting", 1));
    }

    @Test
    void aMissingMemberIsAnError() {
        assertThrows(NoSuchFieldException.class, () -> ServerInternals.field(new Pool(), "gone"));
        assertThrows(NoSuchMethodException.class, () -> ServerInternals.call(new Pool(), "waiting"));
    }
}
