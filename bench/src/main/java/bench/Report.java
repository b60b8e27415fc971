package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Knees, medians and spreads, app/baseline ratios and sanity checks; as a table, CSV and an SVG chart. */
final class Report {

    /** What the generator must carry against the mock before any other figure is believed. */
    static final int CALIBRATION_MIN = 100_000;
    /**
     * The baseline's deliveries/s at its knee should reach about 80 % of what an independent generator
     * measured on this 2-core machine (FIELD-NOTES: 50,000 for 1x100, 20,000 for 10x100 and 100x10).
     */
    private static final Map<String, Integer> BASELINE_MIN = Map.of("1x100", 40_000, "10x100", 16_000, "100x10", 16_000);

    private final List<Step> steps;
    private final Options opts;
    private final GeneratorBudget budget;

    Report(List<Step> steps, Options opts, GeneratorBudget budget) {
        this.steps = steps;
        this.opts = opts;
        this.budget = budget;
    }

    static String line(Step s, GeneratorBudget budget) {
        return String.format("%5d/s #%d: %7.0f deliveries/s, p50 %.1f p99 %.1f max %.1f ms, lost %d dup %d ooo %d, server %.2f cores,"
                        + " generator %.0f%% CPU, send lag p99 %.1f max %.1f ms: %s", s.rate(), s.attempt(), s.deliveriesPerSecond(),
                s.p(50), s.p(99), s.latencyMicros().getMaxValue() / 1000.0, s.lost(), s.duplicated(), s.outOfOrder(),
                s.serverCpuSeconds() / s.seconds(), 100 * s.generatorCpuCores(), s.lag(99), s.lagMax(), s.verdict(budget));
    }

    /** The idle step's line: SEND to broadcast when the server is warm but has nothing else to do. */
    static String idleLine(Step s) {
        return String.format("idle: %s %s rep %d, %d msg/s for %.0f s: SEND to delivery p50 %.1f p90 %.1f p99 %.1f ms, lost %d dup %d ooo %d,"
                        + " server %.2f cores", s.target(), s.shape(), s.rep(), s.rate(), s.seconds(), s.p(50), s.p(90), s.p(99),
                s.lost(), s.duplicated(), s.outOfOrder(), s.serverCpuSeconds() / s.seconds());
    }

    private List<Step> of(String target, Shape shape, int rep) {
        return steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rep() == rep).toList();
    }

    /** The highest passing rate of one sweep (0 if none passed). */
    int knee(String target, Shape shape, int rep) {
        return of(target, shape, rep).stream().filter(s -> s.passes(budget)).mapToInt(Step::rate).max().orElse(0);
    }

    /** What ended the sweep: the verdict at the lowest rate above the knee (its last attempt), or the end of the ladder. */
    private String stoppedBy(String target, Shape shape, int rep) {
        var sweep = of(target, shape, rep);
        if (sweep.isEmpty()) {
            return "-";
        }
        int knee = knee(target, shape, rep);
        return sweep.stream().filter(s -> s.rate() > knee)
                .reduce((a, b) -> b.rate() <= a.rate() ? b : a) // the lowest rate; of its attempts, the last
                .map(s -> s.verdict(budget) + " at " + s.rate()).orElse("end of ladder");
    }

    private Step atKnee(String target, Shape shape, int rep) {
        int knee = knee(target, shape, rep);
        return of(target, shape, rep).stream().filter(s -> s.rate() == knee && s.passes(budget)).findFirst().orElse(null);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String spread(List<Double> values) {
        var sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        return sorted.isEmpty() ? "-" : String.format("%.0f–%.0f", sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private List<String> targets() {
        return steps.stream().map(Step::target).distinct().toList();
    }

    private List<Shape> shapes() {
        return steps.stream().map(Step::shape).distinct().toList();
    }

    /** One row per target and shape: medians over repetitions of the figures at each repetition's knee. */
    private record Row(double knee, String kneeSpread, String stoppedBy, List<Step> atKnee, long lost, long dup, long ooo) {

        double median(ToDoubleFunction<Step> f) {
            return Report.median(atKnee.stream().map(f::applyAsDouble).toList());
        }
    }

    private Row row(String target, Shape shape) {
        List<Double> knees = new ArrayList<>();
        List<Step> at = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        for (int rep = 1; rep <= opts.reps; rep++) {
            if (of(target, shape, rep).isEmpty()) {
                continue;
            }
            knees.add((double) knee(target, shape, rep));
            stops.add(stoppedBy(target, shape, rep));
            Step s = atKnee(target, shape, rep);
            if (s != null) {
                at.add(s);
            }
        }
        var upToKnee = steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rate() <= knee(target, shape, s.rep())).toList();
        return new Row(median(knees), spread(knees), String.join("; ", stops), at, upToKnee.stream().mapToLong(Step::lost).sum(),
                upToKnee.stream().mapToLong(Step::duplicated).sum(), upToKnee.stream().mapToLong(Step::outOfOrder).sum());
    }

    String table() {
        var sb = new StringBuilder();
        sb.append("| shape | target | knee msg/s in (median, spread) | stopped by | deliveries/s | p50 ms | p99 ms | p99.9 ms | lost | dup | out of order"
                + " | server CPU ms / msg | server CPU ms / 1000 deliveries | generator CPU % | send lag p99 / max ms |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Shape shape : shapes()) {
            Map<String, Row> rows = new TreeMap<>();
            for (String target : targets()) {
                Row r = row(target, shape);
                if (r.stoppedBy.isEmpty()) {
                    continue;
                }
                rows.put(target, r);
                sb.append(String.format("| %s | %s | %.0f (%s) | %s | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %.3f | %.1f | %.0f | %.1f / %.1f |%n",
                        shape, target, r.knee, r.kneeSpread, r.stoppedBy, r.median(Step::deliveriesPerSecond), r.median(s -> s.p(50)),
                        r.median(s -> s.p(99)), r.median(s -> s.p(99.9)), r.lost, r.dup, r.ooo, r.median(Step::serverCpuMsPerMessage),
                        r.median(Step::serverCpuMsPer1000Deliveries), 100 * r.median(Step::generatorCpuCores), r.median(s -> s.lag(99)),
                        r.median(Step::lagMax)));
            }
            Row baseline = rows.get("baseline");
            for (var e : rows.entrySet()) {
                // only what this run measured on both sides, and only knees: a ratio to a sweep with none says nothing
                if (baseline != null && baseline.knee > 0 && e.getValue().knee > 0 && e.getKey().startsWith("app-")) {
                    sb.append(String.format("| %s | **%s / baseline** | **%.2f** | | | | | | | | | | **%.2f** | | |%n", shape, e.getKey(),
                            e.getValue().knee / baseline.knee, e.getValue().median(Step::serverCpuMsPer1000Deliveries)
                                    / baseline.median(Step::serverCpuMsPer1000Deliveries)));
                }
            }
        }
        return sb.toString();
    }

    /** The baseline's sanity figures, the cluster's cross-node cost and the calibration's verdict, one line each. */
    String checks() {
        var sb = new StringBuilder();
        for (Shape shape : shapes()) {
            Integer min = BASELINE_MIN.get(shape.toString());
            if (min != null && targets().contains("baseline")) {
                Row r = row("baseline", shape);
                double perSecond = r.median(Step::offeredDeliveriesPerSecond); // at the knee, all of it arrived
                sb.append(String.format("baseline %s knee %.0f msg/s in, %.0f deliveries/s offered and delivered: %s%n", shape, r.knee, perSecond,
                        perSecond >= min ? "OK ≥ " + String.format("%,d", min)
                                : "BELOW " + String.format("%,d", min) + ": the bench (or a busy machine) is wrong"));
            }
        }
        sb.append(CrossNodeCost.lines(steps, budget, opts.reps));
        sb.append(cpuByThreadAtKnees());
        if (targets().contains("mock")) {
            Step best = bestCalibration();
            sb.append(best == null ? "calibration: no step passed\n"
                    : String.format("calibration: the generator carried all of %.0f deliveries/s (%d msg/s in, %s; measured with drain %.0f/s)"
                            + " with %.0f%% CPU of its %d core(s), send lag p99 %.1f ms: %s%n", best.offeredDeliveriesPerSecond(), best.rate(),
                    best.shape(), best.deliveriesPerSecond(), 100 * best.generatorCpuCores(),
                    budget.cores(), best.lag(99), calibrationPassed() ? "OK ≥ 100,000" : "BELOW 100,000: make the generator leaner"));
        }
        return sb.toString();
    }

    /**
     * Per shape, target and repetition: where the servers' CPU went at the knee, by thread group
     * ({@link ThreadCpu}), each group's share and CPU per input message.
     */
    String cpuByThreadAtKnees() {
        var sb = new StringBuilder();
        for (Shape shape : shapes()) {
            for (String target : targets()) {
                for (int rep = 1; rep <= opts.reps; rep++) {
                    Step s = atKnee(target, shape, rep);
                    String where = s == null ? "" : ThreadCpu.describe(s.serverCpuByThread(), s.sent());
                    if (!where.isEmpty()) {
                        sb.append(String.format("CPU by thread, %s %s rep %d at its knee (%d msg/s, %.2f ms per message): %s%n",
                                target, shape, rep, s.rate(), s.serverCpuMsPerMessage(), where));
                    }
                }
            }
        }
        return sb.toString();
    }

    private Step bestCalibration() {
        return steps.stream().filter(s -> s.target().equals("mock") && s.passes(budget))
                .max(Comparator.comparingDouble(Step::offeredDeliveriesPerSecond)).orElse(null);
    }

    boolean calibrationPassed() {
        Step best = bestCalibration();
        return best != null && best.offeredDeliveriesPerSecond() >= CALIBRATION_MIN;
    }

    void writeCsv(Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("target,shape,rep,rate,attempt,seconds,sent,expected,delivered,lost,duplicated,out_of_order,p50_ms,p99_ms,p999_ms,max_ms,"
                + "deliveries_per_s,server_cpu_s,server_cpu_ms_per_msg,server_cpu_ms_per_1000,generator_cpu_cores,send_lag_p99_ms,send_lag_max_ms,verdict");
        for (Step s : steps) {
            lines.add(String.format("%s,%s,%d,%d,%d,%.2f,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f,%.0f,%.3f,%.4f,%.3f,%.3f,%.2f,%.2f,%s", s.target(),
                    s.shape(), s.rep(), s.rate(), s.attempt(), s.seconds(), s.sent(), s.expected(), s.delivered(), s.lost(), s.duplicated(),
                    s.outOfOrder(), s.p(50), s.p(99), s.p(99.9), s.latencyMicros().getMaxValue() / 1000.0, s.deliveriesPerSecond(),
                    s.serverCpuSeconds(), s.serverCpuMsPerMessage(), s.serverCpuMsPer1000Deliveries(), s.generatorCpuCores(), s.lag(99),
                    s.lagMax(), s.verdict(budget)));
        }
        Files.write(file, lines);
    }

    /** p99 latency against input rate, per shape and target (medians over repetitions), as inline SVG. */
    void writeHtml(Path file) throws IOException {
        var svg = new StringBuilder();
        int w = 640;
        int h = 360;
        double maxRate = steps.stream().mapToInt(Step::rate).max().orElse(1);
        String[] colours = {"#2f5bd3", "#d34f2f", "#1f8a4c", "#b7791f", "#7b3fb3", "#444"};
        int c = 0;
        var legend = new StringBuilder();
        Map<String, List<Step>> series = steps.stream().collect(Collectors.groupingBy(s -> s.target() + " " + s.shape(), TreeMap::new, Collectors.toList()));
        for (var e : series.entrySet()) {
            Map<Integer, Double> p99 = new TreeMap<>();
            e.getValue().stream().collect(Collectors.groupingBy(Step::rate)).forEach((rate, list) ->
                    p99.put(rate, median(list.stream().map(s -> s.p(99)).toList())));
            String colour = colours[c++ % colours.length];
            var points = p99.entrySet().stream().filter(p -> !p.getValue().isNaN())
                    .map(p -> String.format("%.1f,%.1f", 40 + (w - 60) * Math.log(p.getKey()) / Math.log(maxRate),
                            h - 30 - (h - 50) * Math.min(1, Math.log10(1 + p.getValue()) / 3)))
                    .collect(Collectors.joining(" "));
            svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>%n", colour, points));
            legend.append(String.format("<li style='color:%s'>%s</li>", colour, e.getKey()));
        }
        String html = "<!doctype html><meta charset='utf-8'><title>chat benchmark</title><h1>p99 latency vs input rate</h1>"
                + "<p>x: input rate (log scale, up to " + (int) maxRate + " msg/s); y: p99 latency (log scale, 0 to 1000 ms)."
                + " The 100 ms line is dashed.</p><svg width='" + w + "' height='" + h + "' style='border:1px solid #ccc'>"
                + String.format("<line x1='40' x2='%d' y1='%.1f' y2='%.1f' stroke='#999' stroke-dasharray='4'/>", w - 20,
                        h - 30 - (h - 50) * Math.log10(101) / 3, h - 30 - (h - 50) * Math.log10(101) / 3)
                + svg + "</svg><ul>" + legend + "</ul><pre>" + (table() + "\n" + checks()).replace("<", "&lt;") + "</pre>";
        Files.writeString(file, html);
    }
}
