package app.chat.room;

import java.util.Optional;

/**
 * Who may see, join, invite into and manage a room: the decisions alone, apart from the database.
 * A room someone may not see answers them as an unknown room would (404), so that its name and
 * members stay hidden and nobody learns that its id exists; joining one too, see README.
 */
final class RoomRules {

    private RoomRules() {
    }

    /** Public rooms to all; a private room to its members and invitees; a direct message to its two people while they are in it. */
    static boolean canSee(RoomKind kind, Standing standing) {
        return kind == RoomKind.PUBLIC || standing.isMember() || (kind == RoomKind.PRIVATE && standing.invited());
    }

    /** {@code HIDDEN}: answered as a room that does not exist. */
    enum Join { ALREADY_MEMBER, JOIN, HIDDEN, BANNED }

    /**
     * Anyone joins a public room but one banned from it; a private room needs an invite (which
     * lifts a ban); a direct message takes back either of its two people (one who left may return).
     * Anyone else is told the room does not exist: a refusal would confirm that it does.
     */
    static Join join(RoomKind kind, DirectPair pair, String user, Standing standing) {
        if (standing.isMember()) {
            return Join.ALREADY_MEMBER;
        }
        return switch (kind) {
            case PUBLIC -> standing.banned() ? Join.BANNED : Join.JOIN;
            case PRIVATE -> standing.invited() ? Join.JOIN : Join.HIDDEN;
            case DM -> pair != null && pair.contains(user) ? Join.JOIN : Join.HIDDEN;
        };
    }

    /** Owners and moderators invite into public and private rooms; a direct message has its two people for good. */
    static Optional<String> refuseInvite(RoomKind kind, Standing inviter) {
        if (kind == RoomKind.DM) {
            return Optional.of("a direct message has exactly its two people");
        }
        if (!inviter.runsTheRoom()) {
            return Optional.of("only the room's owner and moderators invite");
        }
        return Optional.empty();
    }

    /**
     * Owners and moderators remove (or ban) members; moderators only the owner removes, the owner
     * nobody; a direct message has its two people for good (either may leave).
     */
    static Optional<String> refuseRemoval(RoomKind kind, Standing remover, RoomRole target) {
        if (kind == RoomKind.DM) {
            return Optional.of("a direct message has exactly its two people; leave it instead");
        }
        if (!remover.runsTheRoom()) {
            return Optional.of("only the room's owner and moderators remove members");
        }
        if (target == RoomRole.OWNER) {
            return Optional.of("the owner cannot be removed");
        }
        if (target == RoomRole.MODERATOR && remover.role() != RoomRole.OWNER) {
            return Optional.of("only the owner removes a moderator");
        }
        return Optional.empty();
    }

    /**
     * The owner makes members moderators and back; nobody becomes or stops being the owner this way,
     * and a direct message has no roles to give.
     */
    static Optional<String> refuseRoleChange(RoomKind kind, Standing changer, RoomRole current, RoomRole wanted) {
        if (kind == RoomKind.DM) {
            return Optional.of("a direct message has no roles to give");
        }
        if (changer.role() != RoomRole.OWNER) {
            return Optional.of("only the room's owner gives roles");
        }
        if (current == RoomRole.OWNER || wanted == RoomRole.OWNER) {
            return Optional.of("the owner stays the owner");
        }
        return Optional.empty();
    }
}
