package app.chat.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Slows the growth of an H2 file under steady traffic: an fsync of the file every round, which lets
 * H2 reuse dead chunks after seconds instead of 45 s, and optionally H2's own compaction.
 *
 * <p>Why: H2's store (MVStore) has no log. A commit writes the pages it changed as a new chunk of
 * the file, and a chunk's space is reused only once none of its pages is live and it is older than
 * the retention time. H2 does not fsync a commit; it keeps dead chunks 45 s on the assumption that
 * the operating system has written everything by then. At 800 msg/s that alone is 45 s of chunks;
 * and the messages' idempotency index has random keys, so many commits leave a live page behind in
 * their chunk, which then stays: 2.7 GB after ~14 minutes at 800 msg/s, 97 % dead.
 *
 * <p>Each round (every {@code chat.db.h2.housekeeping-interval-ms}):
 * <ol>
 * <li>with {@code chat.db.h2.housekeeping-rewrite-kib} above 0, {@link MVStore#compact}: what H2's
 *     background thread does with a write delay (the chat has none: {@code WRITE_DELAY=0}, so that a
 *     commit is in the file before its ack goes out), the same call under the same store lock: the
 *     live pages of the emptiest, oldest chunks are written again, which leaves those chunks dead.
 *     Off by default: it holds the store lock, and under load it cost the chat more than half its
 *     throughput (bench/README.md, session 15);</li>
 * <li>{@link MVStore#sync}, an fsync (not under the store lock). With a flush every round H2's
 *     assumption holds after a few rounds, so after the first flush the retention time becomes three
 *     rounds (interval plus the slowest flush seen). A power failure now loses at most about one
 *     interval of commits, instead of whatever the operating system had not yet written (up to ~30 s
 *     on Linux).</li>
 * </ol>
 */
@ApplicationScoped
public class H2Housekeeping {

    private static final System.Logger LOG = System.getLogger(H2Housekeeping.class.getName());

    /** As H2's background thread: compact while less than this share of the chunks' bytes is live. */
    private static final int COMPACT_BELOW_LIVE_PERCENT = 90;

    /** Rounds (each ending in an fsync) after a chunk was written before its space may be reused, once dead. */
    private static final int RETENTION_ROUNDS = 3;

    @Resource(lookup = ChatApplication.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ChatMetrics metrics;

    DatabaseSettings settings;

    private final AtomicLong nanos = new AtomicLong();
    /** The store of the H2 database the datasource last handed out a connection of (one per application). */
    private static volatile MVStore latestStore;
    private volatile MVStore store;
    private volatile boolean failing;
    private long slowestSyncMs;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings = DatabaseSettings.read();
        if (!appliesTo(settings)) {
            return;
        }
        MeterRegistry registry = metrics.registry();
        Gauge.builder("chat.db.h2.file", this, h -> h.read(s -> s.getFileStore().size()))
                .baseUnit("bytes").description("the size of the H2 database file")
                .strongReference(true).register(registry);
        Gauge.builder("chat.db.h2.chunks.live", this, h -> h.read(s -> s.getFileStore().getChunksFillRate()))
                .baseUnit("percent").description("the share of the H2 file's chunks that is live data")
                .strongReference(true).register(registry);
        FunctionCounter.builder("chat.db.h2.housekeeping", this, h -> h.nanos.get() / 1e9)
                .baseUnit("seconds").description("time spent moving live pages out of mostly dead H2 chunks and flushing the file")
                .register(registry);
        long interval = settings.h2HousekeepingIntervalMs();
        task = scheduler.scheduleWithFixedDelay(this::tidy, interval, interval, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "H2 housekeeping every {0} ms, moving up to {1} KiB of live pages a round",
                interval, settings.h2HousekeepingRewriteKib());
    }

    static boolean appliesTo(DatabaseSettings settings) {
        return settings.url().startsWith("jdbc:h2:file:") && settings.h2HousekeepingIntervalMs() > 0;
    }

    /** One round; a database that is closing or away skips it, and the next round tries again. */
    void tidy() {
        try {
            MVStore s = store();
            if (s == null) {
                return;
            }
            long t0 = System.nanoTime();
            if (settings.h2HousekeepingRewriteKib() > 0) {
                s.compact(COMPACT_BELOW_LIVE_PERCENT, settings.h2HousekeepingRewriteKib() * 1024);
            }
            long t1 = System.nanoTime();
            s.sync();
            long t2 = System.nanoTime();
            nanos.addAndGet(t2 - t0);
            // set only after a flush, and longer while flushes are slow: a chunk's space is reused only
            // once the flushes of the rounds after it have completed
            slowestSyncMs = Math.max(slowestSyncMs, (t2 - t1) / 1_000_000);
            s.setRetentionTime((int) Math.min(Integer.MAX_VALUE,
                    RETENTION_ROUNDS * (settings.h2HousekeepingIntervalMs() + slowestSyncMs)));
            failing = false;
        } catch (RuntimeException | LinkageError e) {
            store = null;
            complain("H2 housekeeping skipped a round", e);
        }
    }

    /**
     * Remembers the H2 store behind a connection the datasource hands to the pool: the pool's own
     * wrappers cannot be unwrapped to H2's classes (Payara unwraps to interfaces only, by a proxy).
     */
    static void noticeConnection(Connection physical) {
        if (physical instanceof JdbcConnection h2 && h2.getSession() instanceof SessionLocal local) {
            latestStore = local.getDatabase().getStore().getMvStore();
        }
    }

    /** The open H2 store behind the pool (after the database reopened, the new one), or null for now. */
    private MVStore store() {
        MVStore s = store;
        if (s != null && !s.isClosed()) {
            return s;
        }
        s = latestStore;
        if (s == null || s.isClosed()) {
            // no connection handed out since the database opened: have the pool make one
            try (Connection c = dataSource.getConnection()) {
                c.isValid(1);
            } catch (SQLException e) {
                complain("H2 housekeeping could not reach the database this round", e);
                return null;
            }
            s = latestStore;
            if (s == null || s.isClosed()) {
                return null;
            }
        }
        store = s;
        slowestSyncMs = 0;
        return s;
    }

    /** The first failure in a row is a warning (the file may grow meanwhile), the rest are debug. */
    private void complain(String what, Throwable e) {
        boolean first = !failing;
        failing = true;
        LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, what + ": " + e, e);
    }

    private double read(ToLongFunction<MVStore> figure) {
        MVStore s = store;
        return s == null || s.isClosed() ? Double.NaN : figure.applyAsLong(s);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
