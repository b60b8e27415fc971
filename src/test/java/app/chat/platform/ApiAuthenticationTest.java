package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiAuthenticationTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstColonSplitsUsernameFromPasswordWhichMayHoldColons() {
        var credential = ApiAuthentication.credential(basic("alice:pa:ss wörd"));
        assertEquals("alice", credential.getCaller());
        assertEquals("pa:ss wörd", credential.getPasswordAsString());
        assertEquals("bob", ApiAuthentication.credential("basic " + basic("bob:x").substring(6)).getCaller());
    }

    @Test
    void missingOrMalformedHeadersCarryNoCredential() {
        assertNull(ApiAuthentication.credential(null));
        assertNull(ApiAuthentication.credential("Bearer abc"));
        assertNull(ApiAuthentication.credential("Basic !!!not-base64"));
        assertNull(ApiAuthentication.credential(basic("no-colon-here")));
    }

    @Test
    void aBearerHeaderCarriesItsTokenAndNothingElseDoes() {
        assertEquals("abc-DEF_123", BearerCredential.of("Bearer abc-DEF_123").token());
        assertEquals("abc", BearerCredential.of("bearer  abc ").token());
        assertNull(BearerCredential.of(null));
        assertNull(BearerCredential.of("Bearer "));
        assertNull(BearerCredential.of(basic("alice:secret")));
    }
}
