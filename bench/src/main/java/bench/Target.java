package bench;

import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a sweep measures, as a process of its own, started for one shape's sweep and stopped after it
 * so that nothing else of the benchmark's runs while it is measured: the chat (app), the bare broker
 * (baseline) or the calibration's fan-out mock.
 */
abstract class Target implements AutoCloseable {

    /** The chat's acceptor allows 10,000 connections by default; 1000x10 needs a few more. Both targets get the same. */
    static final int MAX_CONNECTIONS = 20_000;

    /** JSON-P for request and SEND bodies, looked up once (each {@code Json.createX} call looks the provider up again). */
    static final JsonProvider JSON = JsonProvider.provider();

    protected Process process;
    protected Path log;

    /** Starts java with the given arguments on the servers' cores, its output in log. */
    protected void launch(Pinning pinning, List<String> javaArgs, Path log) throws IOException {
        this.log = log;
        List<String> command = new ArrayList<>(pinning.serverPrefix());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process p = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { // Ctrl+C must not leave servers behind
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }));
    }

    /** Waits until the log has the line, or fails if the process dies or takes too long. */
    protected void awaitLogLine(String line, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!Files.readString(log).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " did not start; see " + log);
            }
            Thread.sleep(100);
        }
    }

    abstract String name();

    /** Where senders connect. */
    abstract URI stomp();

    /** Where the n-th subscriber (counted over every room) connects: the senders' node unless the target has several. */
    URI subscriberStomp(int subscriber) {
        return stomp();
    }

    /** Prepares rooms 0..rooms-1 and the given number of subscriber and sender logins. */
    abstract void prepare(int rooms, int subscribersPerRoom, int senders) throws Exception;

    abstract String login(String role, int index);

    abstract String roomDestination(int room);

    abstract String sendDestination(int room);

    /** The body a sender sends; {@code tag} carries the step, the intended send time, the index and the sender. */
    abstract String body(int room, String tag, String clientMsgId);

    /** Checks the target's own health after a sweep (e.g. its log); throws if its figures cannot be trusted. */
    void verify() throws Exception {
    }

    /** CPU seconds the process has used so far (its own threads and its GC). */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The target's server processes (a cluster has one per node). */
    List<Long> pids() {
        return List.of(process.pid());
    }

    /** Each server process's per-thread CPU ticks ({@link ThreadCpu#ticks}), for {@link #cpuByThread}. */
    List<Map<Long, Long>> threadTicks() {
        return pids().stream().map(ThreadCpu::ticks).toList();
    }

    /** CPU seconds by thread group since {@code before} (a {@link #threadTicks}), over every server process. */
    Map<String, Double> cpuByThread(List<Map<Long, Long>> before) {
        List<Long> pids = pids();
        List<Map<Long, Long>> after = threadTicks();
        List<Map<String, Double>> perProcess = new ArrayList<>();
        for (int i = 0; i < pids.size() && i < before.size(); i++) {
            perProcess.add(ThreadCpu.secondsByGroup(before.get(i), after.get(i), ThreadCpu.names(pids.get(i))));
        }
        return ThreadCpu.sum(perProcess);
    }

    /**
     * Seconds the process's JIT compilers have spent so far (jstat's compiler "Time"), or NaN if jstat
     * cannot tell. Payara on one core is still compiling minutes after start; a round of the warm-up
     * with compiler work in it is not the steady state.
     */
    double jitSeconds() {
        try {
            String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
            Process p = new ProcessBuilder(jstat, "-compiler", Long.toString(process.pid())).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes()).strip().split("\\R");
            p.waitFor();
            // Compiled Failed Invalid Time FailedType FailedMethod
            return Double.parseDouble(lines[lines.length - 1].trim().split("\\s+")[3]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /**
     * The target's own counters and gauges now (the chat's /metrics), for {@link #figuresSince}; none
     * for a target without them. Read between steps, never during one.
     */
    Map<String, Double> figures() {
        return Map.of();
    }

    /** What the target's own figures say about the time since {@code before} ("" if it has none). */
    String figuresSince(Map<String, Double> before) {
        return "";
    }

    /** Heap in use after a full GC, in MiB, asked of the process with jcmd. */
    long heapAfterGcMib() {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            String pid = Long.toString(process.pid());
            new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(info.getInputStream().readAllBytes());
            info.waitFor();
            // G1 prints one "garbage-first heap ... used NK" line, Serial (a JVM on one core) one per generation
            var m = java.util.regex.Pattern.compile("(heap|generation) +total \\d+K, used (\\d+)K").matcher(out);
            long usedK = 0;
            while (m.find()) {
                usedK += Long.parseLong(m.group(2));
            }
            return usedK / 1024;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Lines of the log containing text (a count, for checks such as the audit logger's AMQ6015). */
    long logLinesContaining(String text) throws IOException {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            keepOnlyTheLog();
        }
    }

    /** Every start gets a fresh data directory; journals and databases would fill the disk over an --all run. */
    private void keepOnlyTheLog() throws IOException {
        try (var files = Files.walk(log.getParent())) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(log) && !p.equals(log.getParent())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
