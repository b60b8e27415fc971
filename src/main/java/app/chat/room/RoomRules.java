package app.chat.room;

import java.util.Optional;

/**
 * Who may see, join, invite into and manage a room: the decisions alone, apart from the database.
 * A room someone may not see answers them as an unknown room would (404), so that its name and
 * members stay hidden; joining one is the exception (403 {@code NOT_INVITED}), see README.
 */
final class RoomRules {

    private RoomRules() {
    }

    /** Public rooms to all; a private room to its members and invitees; a direct message to its two people while they are in it. */
    static boolean canSee(RoomKind kind, Standing standing) {
        return kind == RoomKind.PUBLIC || standing.isMember() || (kind == RoomKind.PRIVATE && standing.invited());
    }

    enum Join { ALREADY_MEMBER, JOIN, NOT_INVITED, BANNED }

    /**
     * Anyone joins a public room; a private room needs an invite; a direct message takes back either of
     * its two people (one who left may return) and nobody else. A ban keeps one out of any room.
     */
    static Join join(RoomKind kind, DirectPair pair, String user, Standing standing) {
        if (standing.isMember()) {
            return Join.ALREADY_MEMBER;
        }
        if (standing.banned()) {
            return Join.BANNED;
        }
        boolean allowed = switch (kind) {
            case PUBLIC -> true;
            case PRIVATE -> standing.invited();
            case DM -> pair != null && pair.contains(user);
        };
        return allowed ? Join.JOIN : Join.NOT_INVITED;
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
