package bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line; {@link ChatBench}'s javadoc lists every flag. Defaults are written once, here. */
final class Options {

    /** A geometric ladder (×√2), so a knee is known to within 41 %. */
    static final int[] LADDER = {25, 35, 50, 70, 100, 140, 200, 280, 400, 560, 800, 1100, 1600, 2300, 3200, 4500, 6400};
    static final List<Shape> ALL_SHAPES = List.of(Shape.parse("1x100"), Shape.parse("10x100"), Shape.parse("100x10"));

    List<Shape> shapes = ALL_SHAPES;
    int[] rates = LADDER;
    int seconds = 10;
    int ramp = 3;
    int warmup = 0; // 0: until the server's CPU settles (ChatBench.warmUntilSteady)
    int retries = 1;
    boolean refine = true; // one rate between the knee's rung and the failed one
    int reps = 1;
    int idleRate = 5; // 0: no idle step
    int idleSeconds = 20;
    int senders = 32; // a busy room has many senders; see bench/README.md, "Senders"
    List<String> targets = List.of("baseline", "app");
    List<String> databases = List.of("h2");
    String baselineMode = "memory";
    String serverCpus = "0";
    String generatorCpus = "1";
    boolean pin = true;
    int generatorThreads = 0; // 0: one event loop per generator CPU
    double lagLimitMs = 10;
    boolean smoke;
    boolean calibrate;
    final List<String> appJvmArgs = new ArrayList<>();
    final List<String> baselineJvmArgs = new ArrayList<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shapes" -> shapes = Arrays.stream(args[++i].split(",")).map(Shape::parse).toList();
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--ramp" -> ramp = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--retries" -> retries = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--idle-rate" -> idleRate = Integer.parseInt(args[++i]);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--senders" -> senders = Integer.parseInt(args[++i]);
                case "--targets" -> targets = List.of(args[++i].split(","));
                case "--db" -> databases = List.of(args[++i].split(","));
                case "--baseline" -> baselineMode = args[++i];
                case "--server-cpus" -> serverCpus = args[++i];
                case "--generator-cpus" -> generatorCpus = args[++i];
                case "--no-pin" -> pin = false;
                case "--no-refine" -> refine = false;
                case "--lag-limit-ms" -> lagLimitMs = Double.parseDouble(args[++i]);
                case "--generator-threads" -> generatorThreads = Integer.parseInt(args[++i]);
                case "--app-jvm" -> appJvmArgs.add(args[++i]);
                case "--baseline-jvm" -> baselineJvmArgs.add(args[++i]);
                case "--all" -> {
                    shapes = ALL_SHAPES;
                    targets = List.of("baseline", "app");
                    databases = List.of("h2", "postgres");
                }
                case "--smoke" -> {
                    smoke = true;
                    shapes = List.of(Shape.parse("2x5"));
                    rates = new int[] {5, 20};
                    seconds = 3;
                    ramp = 1;
                    warmup = 2;
                    retries = 0;
                    reps = 1;
                    idleRate = 0;
                }
                case "--calibrate" -> {
                    calibrate = true;
                    shapes = List.of(Shape.parse("1x100"));
                    targets = List.of("mock");
                    rates = new int[] {250, 500, 1000, 1400, 2000, 2800};
                    idleRate = 0;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see ChatBench's javadoc)");
            }
        }
        if (!List.of("memory", "persistent", "both").contains(baselineMode)) {
            throw new IllegalArgumentException("--baseline memory|persistent|both");
        }
    }

    /** The targets to measure, in order, as names: baseline, baseline-persistent, app-h2, app-postgres, cluster-postgres, mock. */
    List<String> targetNames() {
        List<String> names = new ArrayList<>();
        for (String t : targets) {
            switch (t) {
                case "baseline" -> {
                    if (!baselineMode.equals("persistent")) {
                        names.add("baseline");
                    }
                    if (!baselineMode.equals("memory")) {
                        names.add("baseline-persistent");
                    }
                }
                case "app" -> databases.forEach(db -> names.add("app-" + db));
                case "mock" -> names.add("mock");
                case "cluster" -> {
                    // the nodes share one database: H2 is a file per node
                    if (!databases.contains("postgres")) {
                        throw new IllegalArgumentException("--targets cluster needs --db postgres");
                    }
                    names.add(ClusterTarget.NAME);
                }
                default -> throw new IllegalArgumentException("--targets baseline,app,cluster,mock");
            }
        }
        return names;
    }
}
