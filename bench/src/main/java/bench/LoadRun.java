package bench;

import app.chat.stompcodec.StompFrameReader;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Subscribers and senders connected to one target for one shape; {@link #step} holds a rate for a
 * while, open loop: each message has an intended send time, latency counts from it (so a stalled
 * sender does not hide the stall), and senders never wait for the answers. Message k of a step goes
 * to room k % rooms from sender k % senders, as the (k / rooms)-th message of its room.
 */
final class LoadRun implements AutoCloseable {

    private static final AtomicInteger STEP_IDS = new AtomicInteger();

    private final Target target;
    private final Shape shape;
    private final int senderCount;
    private final GeneratorMeter noMeter = new GeneratorMeter();
    private final List<StompConnection> subscribers = new ArrayList<>();
    private final List<StompConnection> senders = new ArrayList<>();
    private volatile DeliveryCheck current = new DeliveryCheck(-1, 0);

    Target target() {
        return target;
    }

    /** The target's JIT compile seconds so far ({@link Target#jitSeconds}). */
    double jitSeconds() {
        return target.jitSeconds();
    }

    LoadRun(EventLoopGroup loops, Target target, Shape shape, int senderCount) throws Exception {
        this.target = target;
        this.shape = shape;
        this.senderCount = senderCount;
        target.prepare(shape.rooms(), shape.perRoom(), senderCount);
        for (int r = 0; r < shape.rooms(); r++) {
            for (int i = 0; i < shape.perRoom(); i++) {
                StompConnection c = StompConnection.open(loops, target.subscriberStomp(subscribers.size()), target.login("u", i), ChatTarget.PASSWORD,
                        new Subscriber());
                c.subscribe(target.roomDestination(r));
                subscribers.add(c);
            }
        }
        for (int s = 0; s < senderCount; s++) {
            senders.add(StompConnection.open(loops, target.stomp(), target.login("u", s), ChatTarget.PASSWORD, (buf, start, bodyStart, bodyEnd) -> { }));
        }
    }

    /** Holds the rate for rampSeconds (not counted) and then for seconds (measured). */
    Step step(int rep, int attempt, int rate, int rampSeconds, int seconds) throws Exception {
        if (rampSeconds > 0) {
            current = new DeliveryCheck(STEP_IDS.incrementAndGet(), rate * rampSeconds / shape.rooms() + 1);
            send(current.step, rate, rate * rampSeconds, noMeter);
        }
        int total = rate * seconds;
        var check = new DeliveryCheck(STEP_IDS.incrementAndGet(), total / shape.rooms() + 1);
        var meter = new GeneratorMeter();
        current = check;
        double serverCpuBefore = target.cpuSeconds();
        var threadTicksBefore = target.threadTicks();
        meter.start();
        long start = send(check.step, rate, total, meter);
        long expected = (long) total * shape.perRoom();
        long drainUntil = System.nanoTime() + 10_000_000_000L;
        while (check.delivered.sum() < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        meter.stop();
        double serverCpu = target.cpuSeconds() - serverCpuBefore;
        var cpuByThread = target.cpuByThread(threadTicksBefore);
        Thread.sleep(200); // late duplicates would show here
        return new Step(target.name(), shape, rep, rate, attempt, elapsed, total, expected, check.delivered.sum(),
                check.duplicated.sum(), check.outOfOrder.sum(), check.latencyMicros.copy(), serverCpu,
                meter.cpuCores(), meter.sendLagMicros.copy(), cpuByThread);
    }

    /** Sends count messages at rate, each at its intended time; returns the first one's intended time. */
    private long send(int step, int rate, int count, GeneratorMeter meter) {
        long start = System.nanoTime() + 20_000_000L;
        for (int k = 0; k < count; k++) {
            long intended = start + (long) (k * 1e9 / rate);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int sender = k % senderCount;
            int room = k % shape.rooms();
            String tag = Tag.text(step, intended, k / shape.rooms(), sender);
            senders.get(sender).send(target.sendDestination(room), target.body(room, tag, "m" + step + "-" + k),
                    f -> meter.sent(intended));
        }
        return start;
    }

    /** One subscriber's view of the current step; only its connection's event loop touches it. */
    private final class Subscriber implements StompFrameReader.Handler {

        private final long[] tag = new long[Tag.FIELDS];
        private final long[] lastFromSender = new long[senderCount];
        private DeliveryCheck of;
        private BitSet seen;
        private long lastSeq;

        @Override
        public void frame(byte[] buf, int start, int bodyStart, int bodyEnd) {
            long now = System.nanoTime();
            DeliveryCheck check = current;
            if (!Tag.parse(buf, bodyStart, bodyEnd, tag) || tag[Tag.STEP] != check.step) {
                return; // a ramp's or an earlier step's message
            }
            if (of != check) {
                of = check;
                seen = new BitSet(check.perRoomTotal);
                java.util.Arrays.fill(lastFromSender, -1);
                lastSeq = -1;
            }
            int n = (int) tag[Tag.INDEX];
            if (seen.get(n)) {
                check.duplicated.increment();
                return;
            }
            seen.set(n);
            int sender = (int) tag[Tag.SENDER];
            long seq = tag[Tag.SEQ];
            if (lastFromSender[sender] > n || (seq >= 0 && lastSeq >= 0 && seq <= lastSeq)) {
                check.reordered(sender, n, lastFromSender[sender], seq, lastSeq);
            }
            lastFromSender[sender] = n;
            if (seq >= 0) {
                lastSeq = seq;
            }
            check.delivered.increment();
            check.latencyMicros.recordValue(Math.max(0, (now - tag[Tag.INTENDED]) / 1000));
        }
    }

    @Override
    public void close() {
        subscribers.forEach(StompConnection::close);
        senders.forEach(StompConnection::close);
    }
}
