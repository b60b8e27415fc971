package bench;

import java.util.List;

/**
 * What a delivery to another node costs the servers beyond the one-node chat, from one run's
 * {@link ClusterTarget} and app-postgres sweeps of a shape. Both are compared at the same rate, the
 * highest both passed, because the chat's CPU per message falls as the rate rises (fuller batches):
 * comparing two knees would credit the cluster or the single node with a batching effect.
 *
 * <pre>
 *   extra CPU per cross-node delivery = (cluster's CPU per message − one node's CPU per message)
 *                                        / cross-node deliveries per message
 * </pre>
 * where a message's cross-node deliveries are its room's subscribers on nodes 2 and 3 (two thirds).
 * The difference holds everything the two extra nodes spend: chat.events through the bridges, each
 * node's relay and its own STOMP deliveries' share beyond node 1's, and their idle work (timers,
 * cluster heartbeats); bench/README.md, "Cross-node cost".
 */
final class CrossNodeCost {

    private static final String ONE_NODE = "app-postgres";

    private CrossNodeCost() {
    }

    static String lines(List<Step> steps, GeneratorBudget budget, int reps) {
        var sb = new StringBuilder();
        for (Shape shape : steps.stream().map(Step::shape).distinct().toList()) {
            for (int rep = 1; rep <= reps; rep++) {
                List<Step> cluster = sweep(steps, ClusterTarget.NAME, shape, rep);
                List<Step> one = sweep(steps, ONE_NODE, shape, rep);
                if (cluster.isEmpty() || one.isEmpty()) {
                    continue;
                }
                int clusterKnee = knee(cluster, budget);
                int oneKnee = knee(one, budget);
                int rate = Math.min(clusterKnee, oneKnee);
                Step c = passingAt(cluster, rate, budget);
                Step o = passingAt(one, rate, budget);
                if (c == null || o == null) {
                    sb.append(String.format("cross-node cost %s rep %d: no rate both passed%n", shape, rep));
                    continue;
                }
                double cross = ClusterTarget.crossNodeDeliveriesPerMessage(shape);
                double extraMsPerMessage = c.serverCpuMsPerMessage() - o.serverCpuMsPerMessage();
                sb.append(String.format("cross-node cost %s rep %d: knee %d (cluster) vs %d (one node), ratio %.2f; at %d msg/s, the highest both"
                                + " passed: p50/p99 %.1f/%.1f vs %.1f/%.1f ms, server CPU %.3f vs %.3f ms per message (%.1f vs %.1f µs per delivery);"
                                + " %.1f of %d deliveries per message cross nodes: extra CPU per cross-node delivery %.1f µs"
                                + " (%.3f ms per message per extra node)%n",
                        shape, rep, clusterKnee, oneKnee, oneKnee == 0 ? Double.NaN : (double) clusterKnee / oneKnee, rate,
                        c.p(50), c.p(99), o.p(50), o.p(99), c.serverCpuMsPerMessage(), o.serverCpuMsPerMessage(),
                        c.serverCpuMsPer1000Deliveries(), o.serverCpuMsPer1000Deliveries(), cross, shape.perRoom(),
                        1000 * extraMsPerMessage / cross, extraMsPerMessage / (ClusterTarget.NODES - 1)));
            }
        }
        return sb.toString();
    }

    private static List<Step> sweep(List<Step> steps, String target, Shape shape, int rep) {
        return steps.stream().filter(s -> s.target().equals(target) && s.shape().equals(shape) && s.rep() == rep).toList();
    }

    private static int knee(List<Step> sweep, GeneratorBudget budget) {
        return sweep.stream().filter(s -> s.passes(budget)).mapToInt(Step::rate).max().orElse(0);
    }

    private static Step passingAt(List<Step> sweep, int rate, GeneratorBudget budget) {
        return sweep.stream().filter(s -> s.rate() == rate && s.passes(budget)).findFirst().orElse(null);
    }
}
