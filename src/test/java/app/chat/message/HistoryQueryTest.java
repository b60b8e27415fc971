package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryQueryTest {

    @Test
    void defaultsToTheLatestFifty() {
        var q = HistoryQuery.of(null, null, null);
        assertEquals(50, q.limit());
        assertEquals(Long.MAX_VALUE, q.before());
        assertFalse(q.fromOldest());
    }

    @Test
    void afterReadsForwardFromThatSeq() {
        var q = HistoryQuery.of("10", null, "7");
        assertEquals(10, q.limit());
        assertEquals(7, q.after());
        assertTrue(q.fromOldest());
    }

    @Test
    void afterZeroReadsFromTheStart() {
        assertTrue(HistoryQuery.of("200", null, "0").fromOldest());
    }

    @ParameterizedTest
    @CsvSource({"0,,", "201,,", "abc,,", ",0,", ",x,", ",,-1", ",,1.5"})
    void outOfRangeOrNonNumericIsRefused(String limit, String before, String after) {
        var e = assertThrows(ValidationException.class, () -> HistoryQuery.of(limit, before, after));
        assertTrue(e.getMessage().contains("must be an integer"), e.getMessage());
    }
}
