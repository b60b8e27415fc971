package app.chat.message;

/**
 * Who may edit or delete which message, apart from the database: the target as the writer found
 * it (locked) and the batch left it. Checked after the room and the membership.
 */
final class ChangeRules {

    /** The message a change is aimed at, as far as the rules care. */
    record Target(long roomId, String sender, boolean deleted) {
    }

    private ChangeRules() {
    }

    /** The problem with {@code actor} editing {@code target} (null: no such message) in room {@code roomId}, or null. */
    static ErrorCode editProblem(long roomId, String actor, Target target) {
        if (isGone(roomId, target)) {
            return ErrorCode.UNKNOWN_MESSAGE;
        }
        return target.sender().equals(actor) ? null : ErrorCode.NOT_YOUR_MESSAGE;
    }

    /**
     * The problem with {@code actor} deleting {@code target}, or null. {@code actorModerates}: the
     * actor may delete anyone's messages in the room (its owner or a moderator, once rooms have roles).
     */
    static ErrorCode deleteProblem(long roomId, String actor, Target target, boolean actorModerates) {
        if (isGone(roomId, target)) {
            return ErrorCode.UNKNOWN_MESSAGE;
        }
        return target.sender().equals(actor) || actorModerates ? null : ErrorCode.NOT_ALLOWED;
    }

    /** A message of another room is unknown in this one: its id says nothing to a non-member. */
    private static boolean isGone(long roomId, Target target) {
        return target == null || target.roomId() != roomId || target.deleted();
    }

    static String explain(ErrorCode code, long messageId) {
        return switch (code) {
            case UNKNOWN_MESSAGE -> "message " + messageId + " does not exist in this room or was deleted";
            case NOT_YOUR_MESSAGE -> "you can only edit your own messages";
            case NOT_ALLOWED -> "you may not delete other people's messages in this room";
            default -> code.name();
        };
    }
}
