package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void theUrlNamesTheDialectAndAnyOtherDatabaseGetsStandardSql() {
        assertEquals(SqlDialect.H2, SqlDialect.of("jdbc:h2:file:/tmp/chat;WRITE_DELAY=0"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of("jdbc:postgresql://127.0.0.1:5432/chat"));
        assertEquals(SqlDialect.OTHER, SqlDialect.of("jdbc:pgsql://127.0.0.1/chat"));
    }
}
