package app.chat.message;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The usernames a text mentions: {@code @name}, where the name is what a username may be (3-32 of
 * a-z, 0-9, _ and -; an upper-case letter is read as lower case, as usernames have none) and ends
 * where those characters do, so {@code @bob,} and {@code (@bob)} mention bob but {@code @bobby} does
 * not. The {@code @} must start the text or follow a character that is not a letter, digit, '_',
 * '-', '.' or '@', so that an e-mail address ({@code ann@example.org}) mentions no one. A name over
 * 32 characters mentions no one, rather than its first 32. At most {@value #MAX_PER_MESSAGE} names a
 * message, the first ones, each once.
 */
final class Mentions {

    static final int MAX_PER_MESSAGE = 20;

    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 32;

    private Mentions() {
    }

    /** The names mentioned, in order of appearance; empty (and nothing scanned) for a text without '@'. */
    static Set<String> in(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int at = text.indexOf('@'); at >= 0 && names.size() < MAX_PER_MESSAGE; at = text.indexOf('@', at + 1)) {
            if (at > 0 && !mayPrecede(text.charAt(at - 1))) {
                continue;
            }
            int end = at + 1;
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            int length = end - at - 1;
            if (length >= MIN_NAME && length <= MAX_NAME) {
                names.add(text.substring(at + 1, end).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean mayPrecede(char c) {
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '@');
    }
}
