package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the group-commit writer sleeps before taking its next batch (bench/README.md, session 16). */
class MessageWriterLingerTest {

    @Test
    void anIdleMessageIsTakenAtOnce() {
        assertFalse(MessageWriter.lingers(3000, 0), "nothing waiting: the writer blocks on the queue, no sleep");
    }

    @Test
    void aFewWaitingMessagesLetTheBatchGather() {
        for (int queued = 1; queued < 8; queued++) {
            assertTrue(MessageWriter.lingers(3000, queued), queued + " waiting");
        }
    }

    @Test
    void aFullNodeDoesNotSleepBetweenBatches() {
        assertFalse(MessageWriter.lingers(3000, 8));
        assertFalse(MessageWriter.lingers(3000, 32));
    }

    @Test
    void zeroTurnsItOff() {
        assertFalse(MessageWriter.lingers(0, 3));
    }
}
