package app.chat.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.RecordedEvents;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final LoginThrottle throttle = new LoginThrottle();
    /** What this node would tell the others. */
    final RecordedEvents<LoginAttempt> attempts = new RecordedEvents<>();
    final List<LoginAttempt> told = attempts.fired;

    @BeforeEach
    void configure() {
        throttle.settings = new UserSettings();
        throttle.settings.loginMaxFailures = 3;
        throttle.settings.loginMaxFailuresPerAddress = 5;
        throttle.settings.loginMaxBackoffSeconds = 10;
        throttle.clock = now::get;
        throttle.attempts = attempts;
    }

    @Test
    void locksAUserAfterTheLimitForABackOffThatDoubles() {
        throttle.userFailed("eve");
        throttle.userFailed("eve");
        assertFalse(throttle.isUserLocked("eve"));
        throttle.userFailed("eve");
        assertTrue(throttle.isUserLocked("eve"));
        now.addAndGet(1001);
        assertFalse(throttle.isUserLocked("eve"), "1 s after the third failure");
        throttle.userFailed("eve");
        now.addAndGet(1500);
        assertTrue(throttle.isUserLocked("eve"), "the fourth failure locks for 2 s");
        now.addAndGet(600);
        assertFalse(throttle.isUserLocked("eve"));
    }

    @Test
    void backOffIsCapped() {
        for (int i = 0; i < 40; i++) {
            throttle.userFailed("eve");
        }
        now.addAndGet(10_001);
        assertFalse(throttle.isUserLocked("eve"));
    }

    @Test
    void successClearsTheUserAndTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.userFailed("eve");
            throttle.addressFailed("10.0.0.1");
        }
        assertTrue(throttle.isAddressLocked("10.0.0.1"));
        throttle.succeeded("eve", "10.0.0.1");
        assertFalse(throttle.isUserLocked("eve"));
        assertFalse(throttle.isAddressLocked("10.0.0.1"));
    }

    @Test
    void addressesTolerateMoreFailuresThanUsers() {
        for (int i = 0; i < 4; i++) {
            throttle.addressFailed("10.0.0.2");
        }
        assertFalse(throttle.isAddressLocked("10.0.0.2"));
    }

    @Test
    void sprayingNewUsernamesDoesNotLiftALock() {
        for (int i = 0; i < 3; i++) {
            throttle.userFailed("alice");
        }
        assertTrue(throttle.isUserLocked("alice"));
        for (int i = 0; i < 150_000; i++) {
            throttle.userFailed("spray" + i);
        }
        assertTrue(throttle.isUserLocked("alice"), "a map cleared at 100,000 keys forgot alice's lock");
    }

    @Test
    void failuresOnOtherNodesCountHereSoSpreadingGuessesOverNodesDoesNotHelp() {
        throttle.failed("eve", "10.0.0.3");
        throttle.heardOf(new LoginAttempt("eve", "10.0.0.3", false));
        assertFalse(throttle.isUserLocked("eve"));
        throttle.heardOf(new LoginAttempt("eve", null, false));
        assertTrue(throttle.isUserLocked("eve"), "the third failure in the cluster, two of them on other nodes");
        assertEquals(List.of(new LoginAttempt("eve", "10.0.0.3", false)), told, "only this node's own failure is passed on");

        throttle.heardOf(new LoginAttempt("eve", "10.0.0.3", true));
        assertFalse(throttle.isUserLocked("eve"), "a success on another node clears her here too");
        assertEquals(1, told.size(), "what was heard is not passed on again");
    }

    @Test
    void onlyASuccessThatClearedFailuresIsNewsForTheOtherNodes() {
        throttle.succeeded("ann", "10.0.0.4");
        assertEquals(List.of(), told, "a login with nothing to clear (most of them) tells no one");
        throttle.failed("ann", null);
        throttle.succeeded("ann", "10.0.0.4");
        assertEquals(List.of(new LoginAttempt("ann", null, false), new LoginAttempt("ann", "10.0.0.4", true)), told);
    }
}
