package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a server's CPU went during a step, by thread: each thread's CPU ticks from
 * {@code /proc/<pid>/task/<tid>/stat} before and after, named by {@code jcmd Thread.print} (the
 * kernel keeps only 15 characters of a name, which cannot tell Artemis' pools apart) and put into
 * groups such as the writer, a broker pool, the JIT or the GC. JFR's execution samples were misleading
 * here: they cover threads running Java code, a few per period, so a busy writer thread showed 78 % of
 * the samples while /proc gave it 20 % of the CPU (the event loops' socket writes and the JIT are not
 * in them). Linux only; elsewhere the map is empty and the report says nothing.
 */
final class ThreadCpu {

    private static final Pattern JCMD_THREAD = Pattern.compile("^\"(.*)\"[^\\n]* nid=(0x[0-9a-f]+|\\d+)", Pattern.MULTILINE);
    private static final Pattern ARTEMIS_POOL = Pattern.compile("Thread-\\d+ \\((.*)\\)");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the JDK supports

    private ThreadCpu() {
    }

    /** CPU ticks so far of every thread of the process, by thread id; empty without /proc. */
    static Map<Long, Long> ticks(long pid) {
        Map<Long, Long> ticks = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // after "(comm)" come state, then fields 4..; utime and stime are fields 14 and 15
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(Long.parseLong(t.getFileName().toString()), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return ticks;
    }

    /** Thread names by thread id, from jcmd (Java and JVM threads alike); empty if jcmd fails. */
    static Map<Long, String> names(long pid) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            Map<Long, String> names = new HashMap<>();
            Matcher m = JCMD_THREAD.matcher(out);
            while (m.find()) {
                String nid = m.group(2);
                names.put(nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid), m.group(1));
            }
            return names;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The group a thread's CPU is counted in: what it is for, without its number. */
    static String group(String name) {
        if (name == null) {
            return "other (ended during the step)";
        }
        if (name.startsWith("C1 CompilerThread") || name.startsWith("C2 CompilerThread")) {
            return "JIT compilers";
        }
        // a JVM on one core runs the serial collector, whose collections are safepoint operations of the VM Thread
        if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "GC (VM Thread, GC threads)";
        }
        Matcher artemis = ARTEMIS_POOL.matcher(name);
        String base = artemis.matches() ? artemis.group(1) : name;
        return base.replaceAll("[-#_ .:]?\\d+", "").replaceAll("\\(\\)", "").strip();
    }

    /** CPU seconds by group between two {@link #ticks} of one process; names from {@link #names}. */
    static Map<String, Double> secondsByGroup(Map<Long, Long> before, Map<Long, Long> after, Map<Long, String> names) {
        Map<String, Double> seconds = new HashMap<>();
        after.forEach((tid, t) -> {
            long used = t - before.getOrDefault(tid, 0L);
            if (used > 0) {
                seconds.merge(group(names.get(tid)), (double) used / TICKS_PER_SECOND, Double::sum);
            }
        });
        return seconds;
    }

    /** Merges per-process maps (a cluster's nodes) into one. */
    static Map<String, Double> sum(List<Map<String, Double>> maps) {
        Map<String, Double> total = new HashMap<>();
        maps.forEach(m -> m.forEach((k, v) -> total.merge(k, v, Double::sum)));
        return total;
    }

    /**
     * "name 38 % (0.46 ms), …": the groups with at least 2 % of the step's server CPU, largest first,
     * each with its CPU per input message; the rest as "other".
     */
    static String describe(Map<String, Double> seconds, long messages) {
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0 || messages == 0) {
            return "";
        }
        Map<String, Double> shown = new LinkedHashMap<>();
        double other = 0;
        for (var e : seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
            if (e.getValue() >= 0.02 * total) {
                shown.put(e.getKey(), e.getValue());
            } else {
                other += e.getValue();
            }
        }
        if (other > 0) {
            shown.put("other", other);
        }
        var sb = new StringBuilder();
        shown.forEach((name, s) -> sb.append(sb.isEmpty() ? "" : ", ").append(String.format("%s %.0f %% (%.3f ms)",
                name, 100 * s / total, s * 1000 / messages)));
        return sb.toString();
    }
}
