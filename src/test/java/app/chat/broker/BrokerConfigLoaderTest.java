package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.publish.Destinations;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConfigLoaderTest {

    @Test
    void placeholdersTakeConfiguredValuesElseTheirDefaults() {
        String xml = "<a>${chat.stomp.port:61614}</a><b>${chat.data.dir:data}/journal</b>";
        assertEquals("<a>7000</a><b>data/journal</b>", BrokerConfigLoader.resolve(xml, Map.of("chat.stomp.port", "7000")::get));
    }

    @Test
    void aPlaceholderWithoutDefaultOrValueIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> BrokerConfigLoader.resolve("${nothing}", k -> null));
        assertTrue(e.getMessage().contains("${nothing}"));
    }

    @Test
    void theShippedBrokerXmlParsesWithAStompWebSocketAcceptorAndTheChatQueues() throws Exception {
        var config = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), Map.of("chat.stomp.port", "61999")::get);
        assertTrue(config.isSecurityEnabled(), "deny by default");
        assertFalse(config.isPopulateValidatedUser(), "InboundGuard stamps the sender of chat.send, nothing else carries it");
        var stomp = config.getAcceptorConfigurations().stream().filter(a -> "stomp-ws".equals(a.getName())).findFirst().orElseThrow();
        assertEquals("61999", String.valueOf(stomp.getParams().get("port")));
        assertEquals("STOMP", stomp.getParams().get("protocols"));
        assertTrue(config.getAddressConfigurations().stream().anyMatch(a -> a.getName().equals(Destinations.CHAT_SEND)));
        assertEquals(Destinations.DEAD_LETTERS,
                config.getAddressSettings().get(Destinations.CHAT_SEND).getDeadLetterAddress().toString());
    }

    @Test
    void editsAndDeletesAreDivertedToTheChatSendQueue() throws Exception {
        var config = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null);
        for (String address : new String[] {Destinations.CHAT_EDIT, Destinations.CHAT_DELETE}) {
            assertTrue(config.getAddressConfigurations().stream().anyMatch(a -> a.getName().equals(address)), address);
            var divert = config.getDivertConfigurations().stream().filter(d -> d.getAddress().equals(address)).findFirst().orElseThrow();
            assertEquals(Destinations.CHAT_SEND, divert.getForwardingAddress());
            assertTrue(divert.isExclusive());
        }
    }

    @Test
    void chatSendGroupsAreHashedIntoABoundedNumberOfBuckets() throws Exception {
        var defaults = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null);
        assertEquals(1024, defaults.getAddressSettings().get(Destinations.CHAT_SEND).getDefaultGroupBuckets());
        var queue = defaults.getAddressConfigurations().stream().filter(a -> a.getName().equals(Destinations.CHAT_SEND))
                .findFirst().orElseThrow().getQueueConfigs().get(0);
        assertEquals(1024, queue.getGroupBuckets(), "an existing chat.send queue is updated at start");
        var configured = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), Map.of("chat.delivery.group-buckets", "64")::get);
        assertEquals(64, configured.getAddressSettings().get(Destinations.CHAT_SEND).getDefaultGroupBuckets());
    }

    @Test
    void aSubscribersQueueStartsSmallWhileTheChatSendQueueKeepsArtemisDefault() throws Exception {
        var settings = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null).getAddressSettings();
        for (String subscribers : new String[] {"room.*", "user.*", "rooms.public"}) {
            // one queue per subscription: Artemis' 8192-reference default was 32 KiB per connection
            assertEquals(128, settings.get(subscribers).getInitialQueueBufferSize(), subscribers);
        }
        assertEquals(null, settings.get(Destinations.CHAT_SEND).getInitialQueueBufferSize(), "one busy queue: the default");
    }

    @Test
    void theJournalSyncsEveryCommitAndWaitsOnlyBrieflyForCompanyUnlessConfiguredOtherwise() throws Exception {
        var defaults = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null);
        assertTrue(defaults.isJournalSyncTransactional(), "an XA prepare/commit is on disk before it is acknowledged");
        assertTrue(defaults.isJournalSyncNonTransactional(), "a received chat message is on disk before the MDB sees it");
        assertTrue(defaults.isJournalDatasync());
        assertEquals(50_000, defaults.getJournalBufferTimeout_NIO());
        var tuned = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"),
                Map.of("chat.broker.journal-buffer-timeout-ns", "1000000")::get);
        assertEquals(1_000_000, tuned.getJournalBufferTimeout_NIO());
    }

    @Test
    void aKeystoreTurnsOnTlsOnTheStompAcceptorOnlyAndItsAbsenceChangesNothing(@TempDir Path dir) throws Exception {
        Path keystore = emptyPkcs12(dir.resolve("chat.p12"), "s3cret");
        var plain = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null);
        assertFalse(plain.getAcceptorConfigurations().stream().anyMatch(a -> a.getParams().containsKey("sslEnabled")));

        var tls = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null);
        BrokerConfigLoader.enableTls(tls, keystore, "s3cret");
        var stomp = tls.getAcceptorConfigurations().stream().filter(a -> "stomp-ws".equals(a.getName())).findFirst().orElseThrow();
        assertEquals("true", stomp.getParams().get("sslEnabled"));
        assertEquals(keystore.toAbsolutePath().toString(), stomp.getParams().get("keyStorePath"));
        assertEquals("s3cret", stomp.getParams().get("keyStorePassword"));
        assertEquals("PKCS12", stomp.getParams().get("keyStoreType"));
        assertEquals("STOMP", stomp.getParams().get("protocols"), "the rest of the acceptor is as broker.xml says");
    }

    @Test
    void aKeystoreThatCannotBeOpenedFailsTheStartWithItsName(@TempDir Path dir) throws Exception {
        Path keystore = emptyPkcs12(dir.resolve("chat.p12"), "s3cret");
        var config = BrokerConfigLoader.load(Path.of("artemis-config/broker.xml"), k -> null);
        var wrongPassword = assertThrows(IllegalStateException.class, () -> BrokerConfigLoader.enableTls(config, keystore, "wrong"));
        assertTrue(wrongPassword.getMessage().contains(keystore.toString()), wrongPassword.getMessage());
        assertThrows(IllegalStateException.class, () -> BrokerConfigLoader.enableTls(config, dir.resolve("missing.p12"), "s3cret"));
    }

    private static Path emptyPkcs12(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
