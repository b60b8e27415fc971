package bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The chat's benchmark. For each shape it alternates the baseline (bare Artemis, same acceptor,
 * clients publishing straight to the topic) and the app (the whole pipeline: broker, MDB, database,
 * republish), sweeping fixed input rates upwards until a rate fails (something lost, duplicated or
 * out of order, or p99 over 100 ms). The last passing rate is the knee. Figures are reported per
 * target and as app/baseline ratios, which hold on a noisy machine where absolute numbers do not.
 *
 * <pre>
 *   --shapes 1x100,10x100,100x10   rooms x subscribers per room
 *   --rates 25,50,...              input rates to sweep (messages per second, all rooms together)
 *   --seconds 5                    how long each rate is held
 *   --warmup 10                    seconds at the first rate before each sweep, not counted (JIT, caches)
 *   --reps 3                       alternating repetitions (baseline, app, baseline, app, ...)
 *   --db h2|postgres               the app's database
 *   --app-jvm -Dx=y                one more JVM option for the chat (repeatable): a setting to compare, a JFR recording
 *   --smoke                        seconds-long check that nothing is lost, duplicated or reordered; exit 1 if so
 * </pre>
 */
public final class ChatBench {

    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        var opts = new Options(args);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        List<Step> steps = new ArrayList<>();
        List<String> heap = new ArrayList<>();
        long stamp = System.currentTimeMillis();
        try (var baseline = new BaselineTarget(out.resolve("baseline-data-" + stamp));
             var app = new ChatTarget(Files.createDirectories(out.resolve("app-data-" + stamp)), opts.postgres, opts.appJvmArgs)) {
            for (Shape shape : opts.shapes) {
                for (int rep = 1; rep <= opts.reps; rep++) {
                    for (Target target : List.of(baseline, app)) {
                        System.out.printf("%s %s rep %d:", target.name(), shape, rep);
                        try (var run = new LoadRun(target, shape)) {
                            run.step(0, opts.rates[0], opts.warmup); // warm-up, not counted: JIT, connections, caches
                            for (int rate : opts.rates) {
                                Step s = run.step(rep, rate, opts.seconds);
                                steps.add(s);
                                System.out.printf(" %d/s p99=%.1fms%s", rate, s.p(99), s.clean() ? "" : " LOST/DUP/OOO!");
                                if (!s.passes() && !opts.smoke) {
                                    break; // the smoke checks every rate for loss; latency there is a cold JVM's
                                }
                            }
                        }
                        System.out.println();
                        heap.add(target.name() + " " + shape + " rep " + rep + ": heap after GC " + target.heapAfterGcMib() + " MiB");
                    }
                }
            }
        }
        var report = new Report(steps, opts);
        String table = report.table();
        System.out.println();
        System.out.println(table);
        heap.forEach(System.out::println);
        report.writeCsv(out.resolve("steps.csv"));
        report.writeHtml(out.resolve("latency.html"));
        Files.writeString(out.resolve("summary.md"), "Date: " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", db " + (opts.postgres ? "postgres" : "h2")
                + ", args: " + String.join(" ", args) + "\n\n" + table + "\n" + String.join("\n", heap) + "\n");
        System.out.println("CSV, chart and summary in " + out.toAbsolutePath());
        long problems = steps.stream().filter(s -> !s.clean() && (opts.smoke || s.rate() <= report.kneeOf(s))).count();
        if (opts.smoke && problems > 0) {
            System.out.println("SMOKE FAILED: a step lost, duplicated or reordered messages");
            System.exit(1);
        }
        System.exit(0);
    }

    static final class Options {
        List<Shape> shapes = List.of(Shape.parse("1x100"), Shape.parse("10x100"), Shape.parse("100x10"));
        int[] rates = {25, 50, 100, 200, 400, 800, 1600, 3200, 6400};
        int seconds = 5;
        int warmup = 10;
        int reps = 3;
        boolean postgres;
        boolean smoke;
        final List<String> appJvmArgs = new ArrayList<>();

        Options(String[] args) {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--shapes" -> shapes = Arrays.stream(args[++i].split(",")).map(Shape::parse).toList();
                    case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--reps" -> reps = Integer.parseInt(args[++i]);
                    case "--db" -> postgres = "postgres".equals(args[++i]);
                    case "--app-jvm" -> appJvmArgs.add(args[++i]);
                    case "--smoke" -> {
                        smoke = true;
                        shapes = List.of(Shape.parse("2x5"));
                        rates = new int[] {5, 20};
                        seconds = 3;
                        warmup = 2;
                        reps = 1;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see ChatBench's javadoc)");
                }
            }
        }
    }
}
