package bench;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bare broker: anyone may publish to /topic/room.N; nothing is validated, stored or stamped. */
final class BaselineTarget extends TopicTarget {

    /** What Artemis' audit loggers write per send, delivery and ack (AMQ601500...). */
    static final String AUDIT_LINE = "AMQ6015";

    private final int port;
    private final boolean persistent;

    BaselineTarget(Pinning pinning, Path dataDir, boolean persistent, List<String> jvmArgs) throws Exception {
        this.persistent = persistent;
        port = freePort();
        Files.createDirectories(dataDir);
        Path logging = dataDir.resolve("logging.properties");
        try (InputStream in = BaselineTarget.class.getResourceAsStream("/baseline-logging.properties")) {
            Files.copy(in, logging);
        }
        var command = new ArrayList<>(List.of("-Xmx1g", "-Djava.util.logging.config.file=" + logging.toAbsolutePath()));
        command.addAll(jvmArgs); // after ours: a later -D wins
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BaselineBroker.class.getName(),
                Integer.toString(port), dataDir.toAbsolutePath().toString(), persistent ? "persistent" : "memory",
                Integer.toString(MAX_CONNECTIONS)));
        launch(pinning, command, dataDir.resolve("broker.log"));
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
