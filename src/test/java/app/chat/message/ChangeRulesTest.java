package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Who may edit or delete which message. */
class ChangeRulesTest {

    static final ChangeRules.Target ANNS = new ChangeRules.Target(1, "ann", false);

    @Test
    void theSenderMayEditAndDeleteTheirOwnMessage() {
        assertNull(ChangeRules.editProblem(1, "ann", ANNS));
        assertNull(ChangeRules.deleteProblem(1, "ann", ANNS, false));
    }

    @Test
    void nobodyEditsAnothersMessageNotEvenAModerator() {
        assertEquals(ErrorCode.NOT_YOUR_MESSAGE, ChangeRules.editProblem(1, "bob", ANNS));
    }

    @Test
    void anothersMessageMayBeDeletedOnlyByWhoModeratesTheRoom() {
        assertEquals(ErrorCode.NOT_ALLOWED, ChangeRules.deleteProblem(1, "bob", ANNS, false));
        assertNull(ChangeRules.deleteProblem(1, "bob", ANNS, true));
    }

    @Test
    void aMissingDeletedOrOtherRoomsMessageIsUnknownBeforeAnyRightIsChecked() {
        var deleted = new ChangeRules.Target(1, "ann", true);
        for (var target : new ChangeRules.Target[] {null, deleted, new ChangeRules.Target(2, "ann", false)}) {
            assertEquals(ErrorCode.UNKNOWN_MESSAGE, ChangeRules.editProblem(1, "bob", target));
            assertEquals(ErrorCode.UNKNOWN_MESSAGE, ChangeRules.deleteProblem(1, "bob", target, true));
        }
    }
}
