package bench;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The baseline: the same Artemis version and the same STOMP-over-WebSocket acceptor settings as the
 * chat, with no security, no MDB and no database; clients publish straight to the room topics.
 * Runs as its own process so that its CPU time is measured as the chat's is.
 */
public final class BaselineBroker {

    private BaselineBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String dataDir = args[1];
        var config = new ConfigurationImpl()
                .setSecurityEnabled(false)
                .setPersistenceEnabled(true)
                .setJournalDirectory(dataDir + "/journal")
                .setBindingsDirectory(dataDir + "/bindings")
                .setPagingDirectory(dataDir + "/paging")
                .setLargeMessagesDirectory(dataDir + "/large")
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("stomp-ws", "tcp://127.0.0.1:" + port
                        + "?protocols=STOMP;anycastPrefix=/app/;multicastPrefix=/topic/;webSocketMaxFramePayloadLength=65536;heartBeatToConnectionTtlModifier=2");
        java.util.logging.Logger.getLogger("org.apache.activemq.audit").setLevel(java.util.logging.Level.WARNING);
        var broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        System.out.println("BASELINE READY");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                // exiting anyway
            }
        }));
        Thread.currentThread().join();
    }
}
