package app.chat.message;

import app.chat.platform.WellFormedText;

/** The rules for a message's text. Lengths count Unicode code points, as a person counts characters. */
final class TextRules {

    private TextRules() {
    }

    /** The problem with the text, or null when it is fine. */
    static ErrorCode check(String text, int maxLength) {
        if (text.isBlank()) {
            return ErrorCode.TEXT_EMPTY;
        }
        if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
            return ErrorCode.TEXT_TOO_LONG;
        }
        if (!WellFormedText.isWellFormed(text)) {
            return ErrorCode.TEXT_INVALID;
        }
        return null;
    }

    static String explain(ErrorCode code, int maxLength) {
        return switch (code) {
            case TEXT_EMPTY -> "text must not be empty";
            case TEXT_TOO_LONG -> "text must be at most " + maxLength + " characters";
            case TEXT_INVALID -> "text must not contain control characters (other than tab and line breaks) or broken Unicode";
            default -> code.name();
        };
    }
}
