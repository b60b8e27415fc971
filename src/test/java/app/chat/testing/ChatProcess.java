package app.chat.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chat as its own Payara Micro process, for the tests that must do to it what Arquillian
 * cannot: kill -9 it and start it again on the same data.
 */
public final class ChatProcess implements AutoCloseable {

    private final Path dataDir;
    private final int httpPort;
    private final int stompPort;
    private final Path log;
    private Process process;

    public ChatProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.httpPort = freePort();
        this.stompPort = freePort();
        this.log = dataDir.resolve("server.log");
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    public URI stompEndpoint() {
        return URI.create("ws://127.0.0.1:" + stompPort + "/stomp");
    }

    /** Starts the server and waits until GET /health answers 200. */
    public Duration start() throws Exception {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("chat.it.jvm", "-Xmx1g").trim().split("\\s+")));
        command.add("-Dchat.data.dir=" + dataDir.toAbsolutePath());
        command.add("-Dchat.stomp.port=" + stompPort);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--nocluster", "--nohazelcast",
                "--port", Integer.toString(httpPort),
                "--prebootcommandfile", System.getProperty("chat.preboot"),
                "--postbootcommandfile", System.getProperty("chat.postboot"),
                "--deploy", System.getProperty("chat.war"), "--contextroot", "/"));
        dataDir.toFile().mkdirs();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the chat exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(root().resolve("health")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the chat did not become healthy in 4 minutes; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static Path freshDataDir(String name) {
        File dir = new File(System.getProperty("chat.it.dataDir", "target/it-data"), name + "-" + System.nanoTime());
        return dir.toPath();
    }
}
