package app.chat.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Thread dumps of the servers this test JVM started (the Arquillian-managed Payara Micro or WildFly,
 * children of the test JVM), written next to the failsafe reports: for a test that fails only now
 * and then, the dump taken at the moment of failure says what the server was busy with.
 */
public final class ServerThreads {

    private ServerThreads() {
    }

    /** Dumps every Java process below this JVM into target/thread-dumps; returns what was written. */
    public static String dump(String why) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path dir = Path.of("target", "thread-dumps");
        StringBuilder written = new StringBuilder();
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
        for (ProcessHandle server : servers) {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(why + "-" + server.pid() + "-" + System.currentTimeMillis() + ".txt");
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "Thread.print", "-l")
                        .redirectErrorStream(true).redirectOutput(file.toFile()).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                written.append(file.toAbsolutePath()).append(' ');
            } catch (IOException e) {
                written.append("(no dump of ").append(server.pid()).append(": ").append(e).append(") ");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return written.length() == 0 ? "(no server process found)" : written.toString().trim();
    }
}
