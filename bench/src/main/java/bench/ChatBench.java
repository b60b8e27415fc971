package bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.ResourceLeakDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chat's benchmark. For each shape and repetition it starts one target at a time (the baseline:
 * bare Artemis, same acceptor, clients publishing straight to the topic; the app: the whole
 * pipeline, broker, MDB, database, republish), sweeps input rates upwards with nothing else of the
 * benchmark running, and stops it. A rate passes when every delivery arrived once and in order,
 * p99 stayed under 100 ms and the generator was not itself the limit; a failed rate is retried once,
 * then the sweep stops. The highest passing rate is the knee. Lab notes: bench/README.md.
 *
 * <pre>
 *   --targets baseline,app         what to measure (also: cluster, three chat nodes on --db postgres; mock)
 *   --baseline memory|persistent|both   the baseline's persistence (persistent: the chat's journal settings)
 *   --db h2|postgres|h2,postgres   the app's database(s)
 *   --all                          every shape, both targets, both databases
 *   --shapes 1x100,10x100,100x10   rooms x subscribers per room (1000x10 for the 10,000-connection check)
 *   --rates 25,35,50,...           input rates (messages per second, all rooms together); default ×√2 up to 6400
 *   --seconds 10                   measured seconds per rate
 *   --ramp 3                       seconds at each new rate before it is measured, not counted
 *   --warmup 0                     seconds at the first rate after each start, not counted (JIT, caches);
 *                                  0: until the server's CPU per 10 s has settled (at most 300 s)
 *   --retries 1                    how often a failed rate is tried again before the sweep stops
 *   --no-refine                    do not try the rate between the last passing and the failed rung
 *   --reps 1                       repetitions (median and spread)
 *   --idle-rate 5 --idle-seconds 20   after the warm-up, one step at a near-idle rate: the latency of a
 *                                  message that finds the server idle (either 0: none)
 *   --senders 4                    sending connections (distinct users), message k from sender k % senders
 *   --server-cpus 0 --generator-cpus 1 --no-pin   taskset pinning
 *   --lag-limit-ms 10              send lag p99 above which a step is generator-bound
 *   --generator-threads N          generator event loops (default: one per generator CPU)
 *   --app-jvm -Dx=y                one more JVM option for the chat (repeatable)
 *   --baseline-jvm -Dx=y           one more JVM option for the baseline broker (repeatable)
 *   --calibrate                    the generator against a trivial fan-out server: its own ceiling
 *   --smoke                        seconds-long check that nothing is lost, duplicated or reordered; exit 1 if so
 * </pre>
 */
public final class ChatBench {

    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED); // its sampling costs the generator CPU
        var opts = new Options(args);
        var pinning = new Pinning(opts);
        pinning.pinGenerator();
        int loops = opts.generatorThreads > 0 ? opts.generatorThreads : pinning.generatorCores();
        var budget = new GeneratorBudget(pinning.generatorCores(), opts.lagLimitMs);
        System.out.println("Pinning: " + pinning.description + "; generator event loops: " + loops);
        Path out = Files.createDirectories(Path.of("target", "bench"));
        EventLoopGroup group = new NioEventLoopGroup(loops, r -> {
            Thread t = new Thread(r, "stomp-client");
            t.setDaemon(true);
            return t;
        });
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long stamp = System.currentTimeMillis();
        for (Shape shape : opts.shapes) {
            for (int rep = 1; rep <= opts.reps; rep++) {
                for (String name : opts.targetNames()) {
                    Path data = out.resolve(name + "-" + shape + "-" + rep + "-" + stamp);
                    try (Target target = start(name, pinning, data, opts)) {
                        System.out.printf("%s %s rep %d (log %s)%n", name, shape, rep, data);
                        try (var run = new LoadRun(group, target, shape, opts.senders)) {
                            sweep(run, rep, opts, budget, steps, notes, pinning.serverCores());
                        }
                        try {
                            target.verify();
                        } catch (IllegalStateException e) {
                            System.out.println("\n*** " + e.getMessage() + " ***\n");
                            problems.add(e.getMessage());
                        }
                        notes.add(name + " " + shape + " rep " + rep + ": heap after GC " + target.heapAfterGcMib() + " MiB");
                    }
                }
            }
        }
        group.shutdownGracefully();
        var report = new Report(steps, opts, budget);
        String table = report.table() + "\n" + report.checks();
        System.out.println();
        System.out.println(table);
        notes.forEach(System.out::println);
        report.writeCsv(out.resolve("steps.csv"));
        report.writeHtml(out.resolve("latency.html"));
        Files.writeString(out.resolve("summary.md"), "Date: " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", " + pinning.description
                + ", args: " + String.join(" ", args) + "\n\n" + table + "\n" + String.join("\n", notes) + "\n");
        System.out.println("CSV, chart and summary in " + out.toAbsolutePath());
        if (opts.smoke && steps.stream().anyMatch(s -> !s.clean())) {
            problems.add("SMOKE FAILED: a step lost, duplicated or reordered messages");
        }
        if (opts.calibrate && !report.calibrationPassed()) {
            problems.add("CALIBRATION FAILED: the generator did not carry " + Report.CALIBRATION_MIN + " deliveries/s");
        }
        problems.forEach(p -> System.out.println("FAILED: " + p));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static Target start(String name, Pinning pinning, Path data, Options opts) throws Exception {
        return switch (name) {
            case "baseline" -> new BaselineTarget(pinning, data, false, opts.baselineJvmArgs);
            case "baseline-persistent" -> new BaselineTarget(pinning, data, true, opts.baselineJvmArgs);
            case "mock" -> new MockTarget(pinning, data);
            case ClusterTarget.NAME -> new ClusterTarget(pinning, Files.createDirectories(data), opts.appJvmArgs);
            default -> new ChatTarget(pinning, Files.createDirectories(data), name.substring("app-".length()), opts.appJvmArgs);
        };
    }

    /**
     * The default warm-up: the first rate in 10 s rounds until the server has settled: its CPU per
     * round within 5 % of the round before, twice in a row, the server not saturated, and its JIT
     * compilers busy for under 3 % of a round (jstat). At least 60 s, at most 600 s. Payara on one core
     * spends minutes compiling (JFR: C2 took a quarter of the core for the first 160 s of a run; jstat:
     * still ~20 compilations a second after 4 minutes) while a bare broker settles in seconds; a short
     * warm-up measured the app's JIT, not the app, and a flat CPU curve alone did not show it.
     */
    private static void warmUntilSteady(LoadRun run, int rep, int rate, int pinnedServerCores) throws Exception {
        List<String> rounds = new ArrayList<>();
        double previous = -1;
        double jitBefore = run.jitSeconds();
        int settled = 0;
        int seconds = 0;
        while (seconds < 600 && (settled < 2 || seconds < 60)) {
            Step s = run.step(rep, 0, rate, 0, 10);
            seconds += 10;
            double cpu = s.serverCpuSeconds();
            double jitNow = run.jitSeconds();
            double jit = jitNow - jitBefore;
            jitBefore = jitNow;
            // a saturated server is flat too (the JIT takes whatever the load leaves): not settled;
            // a nearly idle one is noisy: 0.2 CPU-seconds per round count as no change
            boolean saturated = cpu > 0.8 * s.seconds() * pinnedServerCores;
            boolean same = previous > 0 && Math.abs(cpu - previous) <= Math.max(0.05 * previous, 0.2);
            boolean compiled = Double.isNaN(jit) || jit < 0.03 * s.seconds();
            settled = same && !saturated && compiled ? settled + 1 : 0;
            previous = cpu;
            rounds.add(Double.isNaN(jit) ? String.format("%.2f", cpu) : String.format("%.2f(jit %.1f)", cpu, jit));
        }
        System.out.printf("  warm-up at %d/s: %d s, server CPU s per 10 s round (JIT compile s): %s%s%n", rate, seconds,
                String.join(" ", rounds), settled < 2 ? " (not settled at the 600 s cap)" : "");
    }

    /** Warm-up, then the ladder; a failed rate is retried, then the sweep stops (the smoke tries every rate). */
    private static void sweep(LoadRun run, int rep, Options opts, GeneratorBudget budget, List<Step> steps, List<String> notes,
                              int serverCores) throws Exception {
        if (opts.warmup > 0) {
            run.step(rep, 0, opts.rates[0], 0, opts.warmup); // not counted: JIT, connections, caches
        } else {
            warmUntilSteady(run, rep, opts.rates[0], serverCores);
        }
        if (opts.idleRate > 0 && opts.idleSeconds > 0) {
            // warm, then nearly idle: each message finds the server's threads parked, which is what a
            // quiet room's message meets; its latency is not in any ladder step, the lowest of which is busy
            var before = run.target().figures();
            Step idle = run.step(rep, 0, opts.idleRate, opts.ramp, opts.idleSeconds);
            String line = Report.idleLine(idle);
            String figures = run.target().figuresSince(before);
            System.out.println("  " + line);
            notes.add(figures.isEmpty() ? line : line + " (" + figures + ")");
            printFigures(run, figures);
        }
        int passed = 0;
        for (int rate : opts.rates) {
            if (tryRate(run, rep, opts, budget, steps, rate, "")) {
                passed = rate;
            } else if (!opts.smoke) {
                refine(run, rep, opts, budget, steps, passed, rate);
                return;
            }
        }
    }

    /** The target's own figures over the step just run (the chat's writer batches, its H2 file), if it has any. */
    private static void printFigures(LoadRun run, String figures) {
        if (!figures.isEmpty()) {
            System.out.println("      " + run.target().name() + ": " + figures);
        }
    }

    /**
     * Between the last passing rung and the one that failed, one rate more (their geometric mean), so
     * that a knee is known to within ×1.19 rather than ×1.41: on the bare ladder a ratio of knees can only
     * be 1, 0.71, 0.5, …, and a target of 0.8 could not be told from 0.71.
     */
    private static void refine(LoadRun run, int rep, Options opts, GeneratorBudget budget, List<Step> steps, int passed, int failed)
            throws Exception {
        int between = (int) Math.round(Math.sqrt((double) passed * failed));
        if (!opts.refine || passed == 0 || between <= passed || between >= failed) {
            return;
        }
        tryRate(run, rep, opts, budget, steps, between, " (between " + passed + " and " + failed + ")");
    }

    /** One rate, retried as often as --retries allows while it fails; whether it passed. */
    private static boolean tryRate(LoadRun run, int rep, Options opts, GeneratorBudget budget, List<Step> steps, int rate,
                                   String label) throws Exception {
        for (int attempt = 1; attempt <= 1 + opts.retries; attempt++) {
            var before = run.target().figures();
            Step s = run.step(rep, attempt, rate, opts.ramp, opts.seconds);
            steps.add(s);
            System.out.println("  " + Report.line(s, budget) + label);
            printFigures(run, run.target().figuresSince(before));
            if (s.passes(budget)) {
                return true;
            }
        }
        return false;
    }
}
