package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void blankTextIsEmpty() {
        assertEquals(ErrorCode.TEXT_EMPTY, TextRules.check("", 4000));
        assertEquals(ErrorCode.TEXT_EMPTY, TextRules.check(" \t\n ", 4000));
    }

    @Test
    void lengthCountsCharactersAsPeopleDoNotUtf16Units() {
        assertNull(TextRules.check("a".repeat(4000), 4000));
        assertEquals(ErrorCode.TEXT_TOO_LONG, TextRules.check("a".repeat(4001), 4000));
        assertNull(TextRules.check("😀".repeat(4000), 4000), "4000 emoji are 8000 UTF-16 units but 4000 characters");
        assertEquals(ErrorCode.TEXT_TOO_LONG, TextRules.check("😀".repeat(4001), 4000));
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreInvalidButTabsAndLineBreaksAreFine() {
        assertNull(TextRules.check("line one\nline two\r\n\tindented", 4000));
        assertEquals(ErrorCode.TEXT_INVALID, TextRules.check("nul \u0000 inside", 4000));
        assertEquals(ErrorCode.TEXT_INVALID, TextRules.check("bell \u0007", 4000));
        assertEquals(ErrorCode.TEXT_INVALID, TextRules.check("lone \ud800 surrogate", 4000));
        assertEquals(ErrorCode.TEXT_INVALID, TextRules.check("\udc00 backwards", 4000));
        assertNull(TextRules.check("pair \ud83d\ude00 ok", 4000));
    }

    @Test
    void theExplanationNamesTheLimit() {
        assertEquals("text must be at most 10 characters", TextRules.explain(ErrorCode.TEXT_TOO_LONG, 10));
    }
}
