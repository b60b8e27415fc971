package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstColonSplitsUsernameFromPasswordWhichMayHoldColons() {
        var credential = BasicAuthentication.credential(basic("alice:pa:ss wörd"));
        assertEquals("alice", credential.getCaller());
        assertEquals("pa:ss wörd", credential.getPasswordAsString());
        assertEquals("bob", BasicAuthentication.credential("basic " + basic("bob:x").substring(6)).getCaller());
    }

    @Test
    void missingOrMalformedHeadersCarryNoCredential() {
        assertNull(BasicAuthentication.credential(null));
        assertNull(BasicAuthentication.credential("Bearer abc"));
        assertNull(BasicAuthentication.credential("Basic !!!not-base64"));
        assertNull(BasicAuthentication.credential(basic("no-colon-here")));
    }
}
