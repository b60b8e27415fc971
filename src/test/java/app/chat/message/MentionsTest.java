package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

    private static List<String> in(String text) {
        return List.copyOf(Mentions.in(text));
    }

    @Test
    void aTextWithoutAnAtSignMentionsNoOne() {
        assertEquals(Set.of(), Mentions.in("hello there"));
        assertEquals(Set.of(), Mentions.in(null));
    }

    @Test
    void aNameEndsWhereUsernameCharactersDo() {
        assertEquals(List.of("bob"), in("@bob, hi"));
        assertEquals(List.of("bob"), in("(@bob)"));
        assertEquals(List.of("bob"), in("thanks @bob."));
        assertEquals(List.of("bob-2_x"), in("@bob-2_x!"));
        assertEquals(List.of("bob"), in("line one\n@bob"));
    }

    @Test
    void namesAreReadInLowerCaseAndEachCountsOnceInOrder() {
        assertEquals(List.of("cyd", "bob"), in("@Cyd @bob @CYD @bob"));
    }

    @Test
    void anEmailAddressOrAnAtSignInsideAWordMentionsNoOne() {
        assertEquals(List.of(), in("write to ann@example.org"));
        assertEquals(List.of(), in("é@bob x.@bob x_@bob @@bob"));
    }

    @Test
    void aNameOutsideTheUsernameLengthsMentionsNoOne() {
        assertEquals(List.of(), in("@ab @"));
        assertEquals(List.of(), in("@" + "a".repeat(33)));
        assertEquals(List.of("a".repeat(32)), in("@" + "a".repeat(32) + " "));
    }

    @Test
    void atMostTwentyNamesAMessage() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("@user").append(i).append(' ');
        }
        List<String> names = in(text.toString());
        assertEquals(Mentions.MAX_PER_MESSAGE, names.size());
        assertEquals("user0", names.get(0));
        assertEquals("user19", names.get(19));
    }
}
