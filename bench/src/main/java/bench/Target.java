package bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a run measures: the chat (app) or the bare broker (baseline), as a process of its own. */
abstract class Target implements AutoCloseable {

    protected Process process;

    /** A benchmark stopped with Ctrl+C must not leave servers behind. */
    protected void stopWithTheBenchmark() {
        Process p = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }));
    }

    abstract String name();

    abstract URI stomp();

    /** Prepares rooms 0..rooms-1 and the given number of subscriber and sender logins. */
    abstract void prepare(int rooms, int subscribersPerRoom, int senders) throws Exception;

    abstract String login(String role, int index);

    abstract String roomDestination(int room);

    abstract String sendDestination(int room);

    /** The body a sender sends; {@code tag} carries the intended send time and a per-sender counter. */
    abstract String body(int room, String tag, String clientMsgId);

    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use after a full GC, in MiB, asked of the process with jcmd. */
    long heapAfterGcMib() {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, Long.toString(pid()), "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder(jcmd, Long.toString(pid()), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(info.getInputStream().readAllBytes());
            info.waitFor();
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
