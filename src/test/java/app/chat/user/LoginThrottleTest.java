package app.chat.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final LoginThrottle throttle = new LoginThrottle();

    @BeforeEach
    void configure() {
        throttle.settings = new UserSettings();
        throttle.settings.loginMaxFailures = 3;
        throttle.settings.loginMaxFailuresPerAddress = 5;
        throttle.settings.loginMaxBackoffSeconds = 10;
        throttle.clock = now::get;
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
}
