package bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The calibration target: {@link MockFanoutServer} in its own process, pinned like the servers. */
final class MockTarget extends TopicTarget {

    private final int port;

    MockTarget(Pinning pinning, Path dataDir) throws Exception {
        port = freePort();
        Files.createDirectories(dataDir);
        launch(pinning, List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), MockFanoutServer.class.getName(),
                Integer.toString(port)), dataDir.resolve("mock.log"));
        awaitLogLine(MockFanoutServer.READY, 60);
    }

    @Override
    String name() {
        return "mock";
    }

    @Override
    URI stomp() {
        return URI.create("ws://127.0.0.1:" + port + "/stomp");
    }
}
