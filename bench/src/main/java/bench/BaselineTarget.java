package bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

/** The bare broker: anyone may publish to /topic/room.N; nothing is validated, stored or stamped. */
final class BaselineTarget extends Target {

    private final int port;

    BaselineTarget(Path dataDir) throws Exception {
        port = freePort();
        var command = new ArrayList<>(javaCommand());
        command.addAll(java.util.List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BaselineBroker.class.getName(), Integer.toString(port), dataDir.toAbsolutePath().toString()));
        java.nio.file.Files.createDirectories(dataDir);
        Path log = dataDir.resolve("broker.log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        stopWithTheBenchmark();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!java.nio.file.Files.readString(log).contains("BASELINE READY")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the baseline broker did not start; see " + log);
            }
            Thread.sleep(100);
        }
    }

    @Override
    String name() {
        return "baseline";
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
}
