package bench;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bare broker: anyone may publish to /topic/room.N; nothing is validated, stored or stamped. */
final class BaselineTarget extends Target {

    /** What Artemis' audit loggers write per send, delivery and ack (AMQ601500...). */
    static final String AUDIT_LINE = "AMQ6015";

    private final int port;
    private final boolean persistent;

    BaselineTarget(Pinning pinning, Path dataDir, boolean persistent) throws Exception {
        this.persistent = persistent;
        port = freePort();
        Files.createDirectories(dataDir);
        Path logging = dataDir.resolve("logging.properties");
        try (InputStream in = BaselineTarget.class.getResourceAsStream("/baseline-logging.properties")) {
            Files.copy(in, logging);
        }
        launch(pinning, List.of("-Xmx1g", "-Djava.util.logging.config.file=" + logging.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), BaselineBroker.class.getName(),
                Integer.toString(port), dataDir.toAbsolutePath().toString(), persistent ? "persistent" : "memory",
                Integer.toString(MAX_CONNECTIONS)), dataDir.resolve("broker.log"));
        awaitLogLine(BaselineBroker.READY, 120);
    }

    @Override
    String name() {
        return persistent ? "baseline-persistent" : "baseline";
    }

    @Override
    URI stomp() {
        return URI.create("ws://127.0.0.1:" + port + "/stomp");
    }

    @Override
    void prepare(int rooms, int subscribersPerRoom, int senders) {
        // nothing to set up: no users, no rooms, no security
    }

    @Override
    String login(String role, int index) {
        return null;
    }

    @Override
    String roomDestination(int room) {
        return "/topic/room." + (room + 1);
    }

    @Override
    String sendDestination(int room) {
        return roomDestination(room);
    }

    @Override
    String body(int room, String tag, String clientMsgId) {
        return "{\"type\":\"message\",\"roomId\":" + (room + 1) + ",\"text\":\"" + tag + "\",\"clientMsgId\":\"" + clientMsgId + "\"}";
    }

    /** An audit line per send/delivery/ack means the baseline measured its logging, not its broker. */
    @Override
    void verify() throws Exception {
        long audit = logLinesContaining(AUDIT_LINE);
        if (audit > 0) {
            throw new IllegalStateException("the baseline logged " + audit + " " + AUDIT_LINE + "xx audit lines (see " + log
                    + "): audit logging was on, so its figures measure the logger; fix the logging configuration");
        }
    }
}
