package app.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoomRulesTest {

    static final Standing OWNER = new Standing(RoomRole.OWNER, false);
    static final Standing MODERATOR = new Standing(RoomRole.MODERATOR, false);
    static final Standing MEMBER = new Standing(RoomRole.MEMBER, false);
    static final Standing INVITED = new Standing(null, true);
    static final Standing STRANGER = Standing.STRANGER;
    static final DirectPair PAIR = DirectPair.of("bob", "alice");

    @Test
    void publicRoomsAreSeenByAllAndTheOthersOnlyByTheirPeople() {
        assertTrue(RoomRules.canSee(RoomKind.PUBLIC, STRANGER));
        assertFalse(RoomRules.canSee(RoomKind.PRIVATE, STRANGER));
        assertTrue(RoomRules.canSee(RoomKind.PRIVATE, INVITED), "an invitee finds the room to join");
        assertTrue(RoomRules.canSee(RoomKind.PRIVATE, MEMBER));
        assertFalse(RoomRules.canSee(RoomKind.DM, STRANGER));
        assertFalse(RoomRules.canSee(RoomKind.DM, INVITED), "a direct message takes no invites, not even stale ones");
        assertTrue(RoomRules.canSee(RoomKind.DM, MEMBER));
    }

    @Test
    void aPrivateRoomIsJoinedOnlyWithAnInvite() {
        assertEquals(RoomRules.Join.JOIN, RoomRules.join(RoomKind.PUBLIC, null, "carol", STRANGER));
        assertEquals(RoomRules.Join.HIDDEN, RoomRules.join(RoomKind.PRIVATE, null, "carol", STRANGER), "as if it did not exist");
        assertEquals(RoomRules.Join.HIDDEN, RoomRules.join(RoomKind.PRIVATE, null, "carol", new Standing(null, false, true)),
                "banned and not invited: a private room still does not show");
        assertEquals(RoomRules.Join.BANNED, RoomRules.join(RoomKind.PUBLIC, null, "carol", new Standing(null, false, true)));
        assertEquals(RoomRules.Join.JOIN, RoomRules.join(RoomKind.PRIVATE, null, "carol", INVITED));
        assertEquals(RoomRules.Join.ALREADY_MEMBER, RoomRules.join(RoomKind.PRIVATE, null, "carol", MEMBER));
    }

    @Test
    void aDirectMessageTakesBackItsTwoPeopleAndNobodyElse() {
        assertEquals(RoomRules.Join.HIDDEN, RoomRules.join(RoomKind.DM, PAIR, "carol", STRANGER));
        assertEquals(RoomRules.Join.HIDDEN, RoomRules.join(RoomKind.DM, PAIR, "carol", INVITED));
        assertEquals(RoomRules.Join.JOIN, RoomRules.join(RoomKind.DM, PAIR, "alice", STRANGER), "one who left comes back");
        assertEquals(RoomRules.Join.ALREADY_MEMBER, RoomRules.join(RoomKind.DM, PAIR, "bob", MEMBER));
    }

    @Test
    void ownersAndModeratorsInviteButNotIntoADirectMessage() {
        assertTrue(RoomRules.refuseInvite(RoomKind.PRIVATE, OWNER).isEmpty());
        assertTrue(RoomRules.refuseInvite(RoomKind.PRIVATE, MODERATOR).isEmpty());
        assertTrue(RoomRules.refuseInvite(RoomKind.PRIVATE, MEMBER).isPresent());
        assertTrue(RoomRules.refuseInvite(RoomKind.PRIVATE, INVITED).isPresent());
        assertTrue(RoomRules.refuseInvite(RoomKind.DM, MEMBER).isPresent());
        assertTrue(RoomRules.refuseInvite(RoomKind.DM, OWNER).isPresent());
    }

    @Test
    void onlyTheOwnerGivesRolesAndTheOwnershipStays() {
        assertTrue(RoomRules.refuseRoleChange(RoomKind.PRIVATE, OWNER, RoomRole.MEMBER, RoomRole.MODERATOR).isEmpty());
        assertTrue(RoomRules.refuseRoleChange(RoomKind.PUBLIC, OWNER, RoomRole.MODERATOR, RoomRole.MEMBER).isEmpty());
        assertTrue(RoomRules.refuseRoleChange(RoomKind.PUBLIC, MODERATOR, RoomRole.MEMBER, RoomRole.MODERATOR).isPresent());
        assertTrue(RoomRules.refuseRoleChange(RoomKind.PUBLIC, OWNER, RoomRole.MEMBER, RoomRole.OWNER).isPresent());
        assertTrue(RoomRules.refuseRoleChange(RoomKind.PUBLIC, OWNER, RoomRole.OWNER, RoomRole.MEMBER).isPresent());
        assertTrue(RoomRules.refuseRoleChange(RoomKind.DM, OWNER, RoomRole.MEMBER, RoomRole.MODERATOR).isPresent());
    }

    @Test
    void aBanKeepsOneOutOfAnyRoomAndAPrivateOneStaysHidden() {
        Standing banned = new Standing(null, false, true);
        assertEquals(RoomRules.Join.BANNED, RoomRules.join(RoomKind.PUBLIC, null, "troll", banned));
        assertEquals(RoomRules.Join.HIDDEN, RoomRules.join(RoomKind.PRIVATE, null, "troll", banned));
        assertTrue(RoomRules.canSee(RoomKind.PUBLIC, banned));
        assertFalse(RoomRules.canSee(RoomKind.PRIVATE, banned));
    }

    @Test
    void ownersAndModeratorsRemoveMembersOnlyTheOwnerRemovesModeratorsNobodyTheOwner() {
        assertTrue(RoomRules.refuseRemoval(RoomKind.PUBLIC, OWNER, RoomRole.MEMBER).isEmpty());
        assertTrue(RoomRules.refuseRemoval(RoomKind.PUBLIC, MODERATOR, RoomRole.MEMBER).isEmpty());
        assertTrue(RoomRules.refuseRemoval(RoomKind.PUBLIC, MODERATOR, null).isEmpty(), "a ban of someone not in the room");
        assertTrue(RoomRules.refuseRemoval(RoomKind.PUBLIC, OWNER, RoomRole.MODERATOR).isEmpty());
        assertTrue(RoomRules.refuseRemoval(RoomKind.PUBLIC, MODERATOR, RoomRole.MODERATOR).isPresent());
        assertTrue(RoomRules.refuseRemoval(RoomKind.PUBLIC, MEMBER, RoomRole.MEMBER).isPresent());
        assertTrue(RoomRules.refuseRemoval(RoomKind.PRIVATE, MODERATOR, RoomRole.OWNER).isPresent());
        assertTrue(RoomRules.refuseRemoval(RoomKind.PRIVATE, OWNER, RoomRole.OWNER).isPresent());
        assertTrue(RoomRules.refuseRemoval(RoomKind.DM, MEMBER, RoomRole.MEMBER).isPresent());
    }

    @Test
    void aPairIsTheSameWhoeverAsks() {
        assertEquals(DirectPair.of("alice", "bob"), DirectPair.of("bob", "alice"));
        assertEquals("alice:bob", PAIR.key());
        assertEquals(PAIR, DirectPair.parse(PAIR.key()));
        assertEquals(java.util.List.of("bob", "alice"), PAIR.startingWith("bob"));
        assertEquals("alice", PAIR.otherThan("bob"));
    }
}
