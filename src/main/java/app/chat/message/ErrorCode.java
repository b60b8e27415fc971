package app.chat.message;

/** Why a sent message was rejected; clients see the name (e.g. {@code TEXT_TOO_LONG}). */
public enum ErrorCode {
    INVALID_JSON,
    TEXT_EMPTY,
    TEXT_TOO_LONG,
    TEXT_INVALID,
    UNKNOWN_ROOM,
    NOT_A_MEMBER,
    RATE_LIMITED
}
