package bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Three chat nodes forming an Artemis cluster on one fresh PostgreSQL database, as cluster/run-local.sh
 * starts them, each a {@link ChatTarget} with the app target's settings, all pinned to the servers'
 * cores. Senders connect to node 1, subscribers round-robin to nodes 1, 2, 3, so that two thirds of
 * the deliveries cross nodes (through chat.events and the cluster bridges). Rooms and users are made
 * through node 1; the others read them from the shared database. Server CPU, JIT time and heap are
 * the three processes' sums: on a 2-core machine the nodes share a core, so the figure to read is the
 * cost per delivery, not a speed-up (bench/README.md, "Cross-node cost").
 */
final class ClusterTarget extends Target {

    static final String NAME = "cluster-postgres";
    static final int NODES = 3;

    private final List<ChatTarget> nodes = new ArrayList<>();
    private final String database;

    ClusterTarget(Pinning pinning, Path dataDir, List<String> appJvmArgs) throws Exception {
        database = ChatTarget.createDatabase();
        try {
            List<String> addresses = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                addresses.add("127.0.0.1:" + freePort());
            }
            String password = "bench-" + UUID.randomUUID();
            for (int n = 0; n < NODES; n++) {
                List<String> args = new ArrayList<>(appJvmArgs);
                args.addAll(List.of("-Dchat.broker.name=chat-node-" + (n + 1), "-Dchat.cluster.nodes=" + String.join(",", addresses),
                        "-Dchat.cluster.host=127.0.0.1", "-Dchat.cluster.port=" + addresses.get(n).substring("127.0.0.1:".length()),
                        "-Dchat.cluster.password=" + password));
                nodes.add(new ChatTarget(pinning, Files.createDirectories(dataDir.resolve("node-" + (n + 1))), "postgres", database, args));
                if (n == 0) {
                    nodes.get(0).awaitHealthy(); // the schema's migrations, once, before the others look for them
                }
            }
            for (ChatTarget node : nodes) {
                node.awaitHealthy();
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Of one room's subscribers, how many a message sent on node 1 reaches on another node, averaged over the rooms. */
    static double crossNodeDeliveriesPerMessage(Shape shape) {
        long total = (long) shape.rooms() * shape.perRoom();
        long onNode1 = (total + NODES - 1) / NODES; // subscribers 0, 3, 6, ... (subscriberStomp)
        return (double) (total - onNode1) / shape.rooms();
    }

    @Override
    String name() {
        return NAME;
    }

    @Override
    URI stomp() {
        return nodes.get(0).stomp();
    }

    @Override
    URI subscriberStomp(int subscriber) {
        return nodes.get(subscriber % NODES).stomp();
    }

    @Override
    void prepare(int rooms, int subscribersPerRoom, int senders) throws Exception {
        nodes.get(0).prepare(rooms, subscribersPerRoom, senders);
    }

    @Override
    String login(String role, int index) {
        return nodes.get(0).login(role, index);
    }

    @Override
    String roomDestination(int room) {
        return nodes.get(0).roomDestination(room);
    }

    @Override
    String sendDestination(int room) {
        return nodes.get(0).sendDestination(room);
    }

    @Override
    String body(int room, String tag, String clientMsgId) {
        return nodes.get(0).body(room, tag, clientMsgId);
    }

    @Override
    void verify() throws Exception {
        for (ChatTarget node : nodes) {
            node.verify();
        }
    }

    @Override
    double cpuSeconds() {
        return nodes.stream().mapToDouble(Target::cpuSeconds).sum();
    }

    @Override
    List<Long> pids() {
        return nodes.stream().flatMap(n -> n.pids().stream()).toList();
    }

    @Override
    double jitSeconds() {
        return nodes.stream().mapToDouble(Target::jitSeconds).sum();
    }

    @Override
    long heapAfterGcMib() {
        return nodes.stream().mapToLong(Target::heapAfterGcMib).sum();
    }

    @Override
    public void close() throws Exception {
        for (ChatTarget node : nodes) {
            node.close();
        }
        ChatTarget.dropDatabase(database);
    }
}
