package app.chat.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The chat as its own server process (Payara Micro, or WildFly when the suite runs with
 * -Pwildfly), for the tests that must do to it what Arquillian cannot: kill -9 it and start it
 * again on the same data.
 */
public final class ChatProcess implements AutoCloseable {

    private final Path dataDir;
    private final int httpPort;
    private final int stompPort;
    private final Path log;
    private Process process;

    private final List<String> extraOptions = new ArrayList<>();
    private SelfSignedKeystore tls;
    private int httpsPort;

    /** WildFly's ports are its defaults moved by one offset; Payara's HTTP port is set directly. */
    private final int wildflyPortOffset;

    public ChatProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.wildflyPortOffset = onWildFly() ? freeWildFlyPortOffset() : 0;
        this.httpPort = onWildFly() ? 8080 + wildflyPortOffset : freePort();
        this.stompPort = freePort();
        this.log = dataDir.resolve("server.log");
    }

    /** A system property for the chat ({@code -Dname=value}), after the suite's own: it wins. */
    public ChatProcess with(String name, String value) {
        extraOptions.add("-D" + name + "=" + value);
        return this;
    }

    /**
     * TLS with this keystore as README.md says to start the chat: chat.tls.* for the STOMP port
     * (wss:// only) and for WildFly's HTTPS listener (configure.cli points it at them; the password
     * goes in as CHAT_TLS_KEYSTORE_PASSWORD there, out of the command line), or, on Payara Micro, HTTPS
     * on a port of its own with the JVM's keystore. Plain HTTP stays, for the health check.
     */
    public ChatProcess withTls(SelfSignedKeystore keystore) throws IOException {
        this.tls = keystore;
        this.httpsPort = onWildFly() ? 8443 + wildflyPortOffset : freePort();
        with("chat.tls.keystore", keystore.file().toAbsolutePath().toString());
        if (!onWildFly()) {
            with("chat.tls.keystore-password", keystore.password());
        }
        return this;
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** The HTTPS root (with {@link #withTls}). */
    public URI httpsRoot() {
        return URI.create("https://127.0.0.1:" + httpsPort + "/");
    }

    public URI stompEndpoint() {
        return URI.create((tls != null ? "wss" : "ws") + "://127.0.0.1:" + stompPort + "/stomp");
    }

    /** A STOMP connection of {@code user} (password {@link ChatApi#PASSWORD}), CONNECTED or the test fails. */
    public StompClient connect(String user) throws Exception {
        StompClient c = StompClient.connect(stompEndpoint(), user, ChatApi.PASSWORD);
        if (!c.isConnected()) {
            c.close();
            throw new AssertionError("CONNECT as " + user + " answered " + c.connectReply);
        }
        return c;
    }

    /** Starts the server and waits until GET /health answers 200. */
    public Duration start() throws Exception {
        long started = System.nanoTime();
        startWithoutWaitingForHealth();
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

    /** Starts the server, for a test that expects it not to become healthy (and polls /health itself). */
    public void startWithoutWaitingForHealth() throws IOException {
        dataDir.toFile().mkdirs();
        List<String> chatOptions = new ArrayList<>(Arrays.asList(System.getProperty("chat.it.jvm", "-Xmx1g").trim().split("\\s+")));
        chatOptions.add("-Dchat.data.dir=" + dataDir.toAbsolutePath());
        chatOptions.add("-Dchat.stomp.port=" + stompPort);
        chatOptions.addAll(extraOptions);
        List<String> command = onWildFly() ? wildFly(chatOptions) : payara(chatOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (onWildFly()) {
            // standalone.sh takes JVM options (the heap size) from JAVA_OPTS, the rest as arguments
            builder.environment().put("JAVA_OPTS", String.join(" ",
                    chatOptions.stream().filter(o -> !o.startsWith("-D")).toList()));
            if (tls != null) {
                builder.environment().put("CHAT_TLS_KEYSTORE_PASSWORD", tls.password());
            }
        }
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private List<String> payara(List<String> chatOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(chatOptions);
        if (tls != null) {
            // Payara's HTTPS listener takes the JVM's keystore; --sslcert names the key in it
            command.addAll(List.of("-Djavax.net.ssl.keyStore=" + tls.file().toAbsolutePath(),
                    "-Djavax.net.ssl.keyStorePassword=" + tls.password(), "-Djavax.net.ssl.keyStoreType=PKCS12"));
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--nocluster", "--nohazelcast",
                "--port", Integer.toString(httpPort),
                "--prebootcommandfile", System.getProperty("chat.preboot"),
                "--postbootcommandfile", System.getProperty("chat.postboot"),
                "--deploy", System.getProperty("chat.war"), "--contextroot", "/"));
        if (tls != null) {
            command.addAll(List.of("--sslport", Integer.toString(httpsPort), "--sslcert", tls.alias()));
        }
        return command;
    }

    /**
     * WildFly with a server directory of its own under the data directory: a copy of the
     * configured one (with chat-ra.rar), the chat's WAR in its deployment folder. Made once, so a
     * restart after kill() finds the same server as before.
     */
    private List<String> wildFly(List<String> chatOptions) throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path base = dataDir.resolve("wildfly");
        if (!Files.isDirectory(base)) {
            Path template = home.resolve("standalone");
            try (Stream<Path> files = Files.walk(template)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path relative = template.relativize(from);
                    if (relative.startsWith("log") || relative.startsWith("tmp") || relative.startsWith(Path.of("data", "tx-object-store"))) {
                        continue;
                    }
                    Path to = base.resolve(relative.toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            withoutChatDeployment(base.resolve("configuration").resolve("standalone.xml"));
            Files.copy(Path.of(System.getProperty("chat.war")), base.resolve("deployments").resolve("chat.war"));
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + wildflyPortOffset));
        command.addAll(chatOptions.stream().filter(o -> o.startsWith("-D")).toList());
        return command;
    }

    /**
     * The suite's own WildFly may hold the chat deployed at this moment (the black-box tests share
     * one deployment until the suite ends), and WildFly keeps that in standalone.xml: this server
     * gets the WAR from its deployment folder instead, so the copied entry goes (two would fail its boot).
     */
    private static void withoutChatDeployment(Path standaloneXml) throws IOException {
        String xml = Files.readString(standaloneXml);
        Files.writeString(standaloneXml, xml.replaceAll("(?s)\\s*<deployment name=\"chat\\.war\"[^>]*>.*?</deployment>", ""));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        // standalone.sh runs WildFly as its child: the JVM is the one to kill
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        waitForGone(descendants);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            // taken before the signal: standalone.sh exits on SIGTERM at once, and WildFly's JVM, still
            // shutting down (seconds, its broker's cluster bridges included), is then no descendant of
            // it any more; a start() that did not wait for it would boot a second one on the same ports
            List<ProcessHandle> descendants = process.descendants().toList();
            descendants.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
            waitForGone(descendants);
        }
    }

    private static void waitForGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean onWildFly() {
        return "wildfly".equals(System.getProperty("chat.it.server"));
    }

    /**
     * Ports handed out in this JVM: a cluster makes all its nodes (and picks all their ports) before
     * it starts any, and the ports of a node that is not running yet, or is being restarted, look free.
     * ClusterIT once gave node 1's STOMP port to node 2's cluster acceptor that way.
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private static final int[] WILDFLY_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    /** An offset at which every port WildFly opens (HTTP, HTTPS, management, transactions) is free. */
    private static synchronized int freeWildFlyPortOffset() {
        for (int offset = 300; offset < 20_000; offset += 37) {
            final int o = offset;
            if (IntStream.of(WILDFLY_PORTS).allMatch(p -> !HANDED_OUT.contains(p + o) && isFree(p + o))) {
                IntStream.of(WILDFLY_PORTS).forEach(p -> HANDED_OUT.add(p + o));
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768 up): a port the OS hands out for
     * "any port" is also what it picks for the next outgoing connection, and a node's JDBC or cluster
     * connections took a cluster port chosen that way before the node listening on it started.
     */
    public static synchronized int freePort() throws IOException {
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    public static Path freshDataDir(String name) {
        File dir = new File(System.getProperty("chat.it.dataDir", "target/it-data"), name + "-" + System.nanoTime());
        return dir.toPath();
    }
}
