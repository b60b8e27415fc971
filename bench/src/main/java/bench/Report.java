package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Knees, medians and spreads, ratios app/baseline; as a table, CSV and an SVG chart. */
final class Report {

    private final List<Step> steps;
    private final ChatBench.Options opts;

    Report(List<Step> steps, ChatBench.Options opts) {
        this.steps = steps;
        this.opts = opts;
    }

    /** The highest passing rate of one target, shape and repetition (0 if none passed). */
    int knee(String target, Shape shape, int rep) {
        return steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rep() == rep && s.passes())
                .mapToInt(Step::rate).max().orElse(0);
    }

    int kneeOf(Step s) {
        return knee(s.target(), s.shape(), s.rep());
    }

    private Step atKnee(String target, Shape shape, int rep) {
        int knee = knee(target, shape, rep);
        return steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rep() == rep && s.rate() == knee)
                .findFirst().orElse(null);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String spread(List<Double> values) {
        var sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        return sorted.isEmpty() ? "-" : String.format("%.0f–%.0f", sorted.get(0), sorted.get(sorted.size() - 1));
    }

    String table() {
        var sb = new StringBuilder();
        sb.append("| shape | target | knee msg/s in (median, spread) | deliveries/s | p50 ms | p99 ms | p99.9 ms | lost | dup | out of order | CPU s / 1000 deliveries |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Shape shape : opts.shapes) {
            Map<String, Double> kneeMedian = new TreeMap<>();
            Map<String, Double> cpuMedian = new TreeMap<>();
            for (String target : List.of("baseline", "app")) {
                List<Double> knees = new ArrayList<>();
                List<Step> at = new ArrayList<>();
                for (int rep = 1; rep <= opts.reps; rep++) {
                    knees.add((double) knee(target, shape, rep));
                    Step s = atKnee(target, shape, rep);
                    if (s != null) {
                        at.add(s);
                    }
                }
                long lost = steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rate() <= kneeOf(s)).mapToLong(Step::lost).sum();
                long dup = steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rate() <= kneeOf(s)).mapToLong(Step::duplicated).sum();
                long ooo = steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rate() <= kneeOf(s)).mapToLong(Step::outOfOrder).sum();
                double cpu = median(at.stream().map(Step::cpuPer1000Deliveries).toList());
                kneeMedian.put(target, median(knees));
                cpuMedian.put(target, cpu);
                sb.append(String.format("| %s | %s | %.0f (%s) | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %.3f |%n", shape, target,
                        median(knees), spread(knees), median(at.stream().map(Step::deliveriesPerSecond).toList()),
                        median(at.stream().map(s -> s.p(50)).toList()), median(at.stream().map(s -> s.p(99)).toList()),
                        median(at.stream().map(s -> s.p(99.9)).toList()), lost, dup, ooo, cpu));
            }
            sb.append(String.format("| %s | **app / baseline** | **%.2f** | | | | | | | | **%.2f** |%n", shape,
                    kneeMedian.get("app") / kneeMedian.get("baseline"), cpuMedian.get("app") / cpuMedian.get("baseline")));
        }
        return sb.toString();
    }

    void writeCsv(Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("target,shape,rep,rate,seconds,sent,expected,delivered,lost,duplicated,out_of_order,p50_ms,p99_ms,p999_ms,cpu_s_per_1000");
        for (Step s : steps) {
            lines.add(String.format("%s,%s,%d,%d,%.2f,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.4f", s.target(), s.shape(), s.rep(), s.rate(),
                    s.seconds(), s.sent(), s.expected(), s.delivered(), s.lost(), s.duplicated(), s.outOfOrder(),
                    s.p(50), s.p(99), s.p(99.9), s.cpuPer1000Deliveries()));
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
                + svg + "</svg><ul>" + legend + "</ul><pre>" + table().replace("<", "&lt;") + "</pre>";
        Files.writeString(file, html);
    }
}
