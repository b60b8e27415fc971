package app.chat.room;

/** Why a room request was refused, as clients see it ({@code code}), with its HTTP status. */
public enum Refusal {
    /** Joining a room one was banned from (an invite lifts the ban). */
    BANNED(403),
    /** The caller's role does not allow it, or a direct message does not take it (invites, roles). */
    NOT_ALLOWED(403),
    /** The named user does not exist. */
    UNKNOWN_USER(404),
    /** The named user is not a member of the room. */
    UNKNOWN_MEMBER(404);

    final int status;

    Refusal(int status) {
        this.status = status;
    }
}
