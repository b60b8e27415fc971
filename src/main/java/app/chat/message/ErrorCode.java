package app.chat.message;

/** Why a sent message, edit or delete was rejected; clients see the name (e.g. {@code TEXT_TOO_LONG}). */
public enum ErrorCode {
    INVALID_JSON,
    TEXT_EMPTY,
    TEXT_TOO_LONG,
    TEXT_INVALID,
    UNKNOWN_ROOM,
    NOT_A_MEMBER,
    RATE_LIMITED,
    /** Edit or delete: no message with that id in that room, or it is deleted. */
    UNKNOWN_MESSAGE,
    /** Edit: the message is someone else's (nobody edits another's words). */
    NOT_YOUR_MESSAGE,
    /** Delete: the message is someone else's and the deleter may not moderate the room. */
    NOT_ALLOWED
}
