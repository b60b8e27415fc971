package bench;

import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The baseline: the same Artemis version and the same STOMP-over-WebSocket acceptor settings as the
 * chat (the socket send buffer too: Artemis' default, 1 MiB, which the chat's broker.xml now states),
 * with no security, no MDB and no database; clients publish straight to the room topics.
 * In memory by default; "persistent" uses the chat's journal settings (artemis-config/broker.xml).
 * Runs as its own process so that its CPU time is measured as the chat's is. Audit logging is off
 * through the logging.properties the bench passes (see baseline-logging.properties).
 */
public final class BaselineBroker {

    static final String READY = "BASELINE READY";

    private BaselineBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String dataDir = args[1];
        boolean persistent = "persistent".equals(args[2]);
        int maxConnections = Integer.parseInt(args[3]);
        var config = new ConfigurationImpl()
                .setSecurityEnabled(false)
                .setPersistenceEnabled(persistent)
                .setJournalDirectory(dataDir + "/journal")
                .setBindingsDirectory(dataDir + "/bindings")
                .setPagingDirectory(dataDir + "/paging")
                .setLargeMessagesDirectory(dataDir + "/large")
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("stomp-ws", "tcp://127.0.0.1:" + port
                        + "?protocols=STOMP;anycastPrefix=/app/;multicastPrefix=/topic/;webSocketMaxFramePayloadLength=65536"
                        + ";heartBeatToConnectionTtlModifier=2;connectionsAllowed=" + maxConnections);
        if (persistent) { // as artemis-config/broker.xml
            config.setJournalType(JournalType.NIO).setJournalDatasync(true).setJournalBufferTimeout_NIO(50_000)
                    .setJournalMinFiles(2).setJournalFileSize(10 * 1024 * 1024);
        }
        var broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        System.out.println(READY + " (persistence " + (persistent ? "on" : "off") + ", Artemis "
                + ActiveMQDefaultConfiguration.class.getPackage().getImplementationVersion() + ")");
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
