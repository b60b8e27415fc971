package app.chat.platform;

/**
 * Text the chat stores must be well-formed Unicode without control characters other than tab and
 * line breaks: a lone surrogate cannot be encoded in UTF-8, and PostgreSQL refuses NUL in text.
 * Refusing them at the door turns what would be a failing transaction into a clear error.
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
