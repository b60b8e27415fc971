package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed cores for the servers and for the generator (taskset), so that a server and the generator
 * never compete for the same core and every target gets the same cores.
 */
final class Pinning {

    private final String serverCpus;
    private final String generatorCpus;
    private final boolean active;
    final String description;

    Pinning(Options opts) {
        serverCpus = opts.serverCpus;
        generatorCpus = opts.generatorCpus;
        int cores = Runtime.getRuntime().availableProcessors();
        String taskset = List.of("/usr/bin/taskset", "/bin/taskset").stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (!opts.pin) {
            active = false;
            description = "not pinned (--no-pin): servers and generator share all cores";
        } else if (taskset == null) {
            active = false;
            description = "NOT PINNED: taskset is missing (install util-linux); servers and generator share all cores";
        } else if (maxCpu(serverCpus) >= cores || maxCpu(generatorCpus) >= cores) {
            active = false;
            description = "NOT PINNED: only " + cores + " cores here, asked for servers on " + serverCpus + ", generator on " + generatorCpus;
        } else {
            active = true;
            description = "servers on CPU " + serverCpus + ", generator on CPU " + generatorCpus + " (taskset)";
        }
    }

    /** The prefix of a server's command line. */
    List<String> serverPrefix() {
        return active ? List.of("taskset", "-c", serverCpus) : List.of();
    }

    /** Pins every thread of this JVM (threads started later inherit it). */
    void pinGenerator() throws Exception {
        if (active) {
            new ProcessBuilder("taskset", "-a", "-c", "-p", generatorCpus, Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    /** How many cores a server may use (all of them when not pinned). */
    int serverCores() {
        return active ? cpus(serverCpus).size() : Runtime.getRuntime().availableProcessors();
    }

    /** How many cores the generator may use: its CPU budget for the "generator-bound" check. */
    int generatorCores() {
        return active ? cpus(generatorCpus).size() : Runtime.getRuntime().availableProcessors();
    }

    private static int maxCpu(String list) {
        return cpus(list).stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** "0", "1-3", "0,2" as CPU numbers. */
    static List<Integer> cpus(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }
}
