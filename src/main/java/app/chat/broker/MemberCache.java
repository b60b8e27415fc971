package app.chat.broker;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Who is in which room, for typing notices: asked on the broker's network threads, so it never
 * waits for the database there. A miss is looked up on the given executor and the action runs
 * when the answer comes; a hit runs it at once. A "yes" is trusted for {@code memberFor} (dropped
 * earlier when the member leaves or is removed on this node, see {@link #forget}), a "no" only
 * briefly, so that someone who just joined is heard within {@code nonMemberFor}.
 */
final class MemberCache {

    private static final System.Logger LOG = System.getLogger(MemberCache.class.getName());

    private final AsyncLoadingCache<Key, Boolean> members;

    MemberCache(ChatAccess access, Executor executor, Duration memberFor, Duration nonMemberFor, int maxEntries) {
        long yes = memberFor.toNanos();
        long no = nonMemberFor.toNanos();
        this.members = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .executor(executor)
                .expireAfter(new Expiry<Key, Boolean>() {
                    @Override
                    public long expireAfterCreate(Key key, Boolean member, long now) {
                        return member ? yes : no;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Boolean member, long now, long current) {
                        return member ? yes : no;
                    }

                    @Override
                    public long expireAfterRead(Key key, Boolean member, long now, long current) {
                        return current;
                    }
                })
                .buildAsync(key -> access.isMember(key.roomId(), key.username()));
    }

    /** Runs {@code action} if, and once it is known that, the user is a member of the room. */
    void ifMember(long roomId, String username, Runnable action) {
        try {
            members.get(new Key(roomId, username)).whenComplete((member, failure) -> {
                if (failure != null) {
                    LOG.log(Level.DEBUG, "Could not check membership of {0} in room {1}: {2}", username, roomId, failure);
                } else if (member) {
                    action.run();
                }
            });
        } catch (RuntimeException busy) {
            // the lookup executor's queue is full: drop this notice, the next one asks again
            LOG.log(Level.DEBUG, "Membership lookup refused: {0}", busy.toString());
        }
    }

    void forget(long roomId, String username) {
        members.synchronous().invalidate(new Key(roomId, username));
    }

    private record Key(long roomId, String username) {
    }
}
