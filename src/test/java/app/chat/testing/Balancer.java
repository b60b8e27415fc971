package app.chat.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy with the repository's cluster/haproxy.cfg in front of three chat nodes, as
 * cluster/run-local.sh starts it: one address for HTTP and the STOMP WebSocket. Installs Debian's
 * haproxy first if it is missing (cluster/install-haproxy.sh).
 */
public final class Balancer implements AutoCloseable {

    private final int port;
    private final Process process;

    /** @param port where browsers reach it (the nodes' chat.web.stomp-url names it, so it is chosen before they start) */
    public Balancer(List<ChatProcess> nodes, int port, Path log) throws Exception {
        if (nodes.size() != 3) {
            throw new IllegalArgumentException("cluster/haproxy.cfg names three nodes");
        }
        Process install = new ProcessBuilder("bash", "cluster/install-haproxy.sh").inheritIO().start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("cluster/install-haproxy.sh failed: HAProxy is needed for the cluster tests");
        }
        this.port = port;
        String haproxy = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        ProcessBuilder builder = new ProcessBuilder(haproxy, "-W", "-db", "-f", "cluster/haproxy.cfg");
        Map<String, String> env = builder.environment();
        env.put("CHAT_BALANCER_BIND", "127.0.0.1:" + port);
        for (int n = 1; n <= 3; n++) {
            ChatProcess node = nodes.get(n - 1);
            env.put("CHAT_NODE" + n + "_HOST", "127.0.0.1");
            env.put("CHAT_NODE" + n + "_HTTP", Integer.toString(node.root().getPort()));
            env.put("CHAT_NODE" + n + "_STOMP", Integer.toString(node.stompEndpoint().getPort()));
        }
        Files.createDirectories(log.getParent());
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitHealthy();
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public URI stompEndpoint() {
        return URI.create("ws://127.0.0.1:" + port + "/stomp");
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(root().resolve("health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the balancer did not answer GET /health with 200 in 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
