package app.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.chat.platform.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The one-statement seq reservation on a real H2 (PostgreSQL's runs in the -Ppostgres ITs). */
class SeqStatementsTest {

    @Test
    void onH2TheUpdateAnswersTheNewLastSeqAndLeavesOtherRoomsAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:seq;DB_CLOSE_DELAY=0")) {
            c.createStatement().execute("create table room (id bigint primary key, last_seq bigint not null,"
                    + " last_activity timestamp with time zone)");
            c.createStatement().execute("insert into room (id, last_seq) values (1, 10), (2, 5)");
            // JPA's ?1 is H2's own indexed parameter too
            String sql = RoomRepository.advanceReturningLastSeq(SqlDialect.H2);
            try (PreparedStatement advance = c.prepareStatement(sql)) {
                advance.setLong(1, 3);
                advance.setObject(2, OffsetDateTime.parse("2026-12-05T10:00:00Z"));
                advance.setLong(3, 1);
                try (ResultSet rs = advance.executeQuery()) {
                    rs.next();
                    assertEquals(13, rs.getLong(1));
                }
                advance.setLong(3, 99);
                try (ResultSet rs = advance.executeQuery()) {
                    assertEquals(false, rs.next(), "an unknown room answers no row");
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select id, last_seq from room order by id")) {
                rs.next();
                assertEquals(13, rs.getLong(2));
                rs.next();
                assertEquals(5, rs.getLong(2));
            }
        }
    }

    @Test
    void anotherDatabaseUpdatesThenSelects() {
        assertNull(RoomRepository.advanceReturningLastSeq(SqlDialect.OTHER));
    }
}
