package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.1", " 10.0.0.2 ", "::1"));
    private final ClientAddress direct = new ClientAddress(List.of());

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("10.0.0.1", direct.resolve("10.0.0.1", "203.0.113.7"));
        assertEquals("192.0.2.9", direct.resolve("/192.0.2.9:51234", null));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddressWithTheHeader() {
        assertEquals("192.0.2.9", behindProxies.resolve("192.0.2.9", "203.0.113.7"));
        assertEquals("192.0.2.9", behindProxies.resolve("/192.0.2.9:40000", "10.0.0.1"));
    }

    @Test
    void aTrustedPeerForwardsTheRightMostAddressThatIsNotATrustedProxy() {
        assertEquals("203.0.113.7", behindProxies.resolve("10.0.0.1", "203.0.113.7"));
        // the client wrote the first entry itself; the proxy appended what it saw
        assertEquals("203.0.113.7", behindProxies.resolve("10.0.0.1", "6.6.6.6, 203.0.113.7"));
        // two proxies in a row: the outer one appended the client, the inner one the outer proxy
        assertEquals("203.0.113.7", behindProxies.resolve("/10.0.0.1:443", "6.6.6.6,203.0.113.7, 10.0.0.2"));
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsItselfTheClient() {
        assertEquals("10.0.0.1", behindProxies.resolve("10.0.0.1", null));
        assertEquals("10.0.0.1", behindProxies.resolve("10.0.0.1", " , "));
    }

    @Test
    void whenEveryHopIsATrustedProxyTheFarthestOneIsTheClient() {
        assertEquals("10.0.0.2", behindProxies.resolve("10.0.0.1", "10.0.0.2"));
    }

    @Test
    void garbageInTheRightMostPlaceIsNotTrusted() {
        assertEquals("10.0.0.1", behindProxies.resolve("10.0.0.1", "203.0.113.7, unknown"));
        assertEquals("10.0.0.1", behindProxies.resolve("10.0.0.1", "example.com"));
        assertEquals("10.0.0.1", behindProxies.resolve("10.0.0.1", "1.2.3.4.5"));
    }

    @Test
    void ipv6PeersAreRecognisedInAnySpelling() {
        assertEquals("2001:db8::7", behindProxies.resolve("0:0:0:0:0:0:0:1", "2001:db8::7"));
        assertEquals("2001:db8::7", behindProxies.resolve("/[0:0:0:0:0:0:0:1]:5678", "2001:db8::7"));
        assertEquals("2001:db8::8", behindProxies.resolve("[2001:db8::8]:5678", "203.0.113.7"));
    }

    @Test
    void anUnknownPeerStaysUnknown() {
        assertNull(behindProxies.resolve(null, "203.0.113.7"));
    }

    @Test
    void trustedProxiesMustBeAddressesNotNames() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.example.com")));
    }
}
