package app.chat.broker;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

/**
 * Closes a socket that has not completed a STOMP CONNECT within chat.stomp.login-timeout-ms.
 * Artemis' own handshake timeout stops at the WebSocket upgrade, and a broker connection only
 * exists once the first STOMP bytes arrive, so the check starts where sockets are accepted: the
 * acceptor's listening channel, whose pipeline sees every accepted socket.
 */
@ChannelHandler.Sharable
final class LoginTimeout extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(LoginTimeout.class.getName());

    private final long timeoutMs;
    private final Predicate<Channel> loggedIn;

    LoginTimeout(long timeoutMs, Predicate<Channel> loggedIn) {
        this.timeoutMs = timeoutMs;
        this.loggedIn = loggedIn;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof Channel accepted) {
            // the accepted socket has no event loop of its own yet: the listening channel's schedules
            ctx.executor().schedule(() -> {
                if (accepted.isActive() && !loggedIn.test(accepted)) {
                    LOG.log(Level.DEBUG, "Closing {0}: no CONNECT within {1} ms", accepted.remoteAddress(), timeoutMs);
                    accepted.close();
                }
            }, timeoutMs, TimeUnit.MILLISECONDS);
        }
        super.channelRead(ctx, msg);
    }

    /**
     * Adds this check to every listening channel of the broker's network acceptors that {@code
     * forAcceptor} names (not the cluster's: another node logs in with the core protocol). Artemis does not
     * expose them, hence the reflection; if a future version renames the field the chat still starts,
     * without this check, and says so.
     */
    void install(ActiveMQServer server, Predicate<String> forAcceptor) {
        server.getRemotingService().getAcceptors().entrySet().stream()
                .filter(named -> forAcceptor.test(named.getKey()))
                .map(Map.Entry::getValue)
                .filter(NettyAcceptor.class::isInstance)
                .forEach(acceptor -> {
                    try {
                        Field group = NettyAcceptor.class.getDeclaredField("serverChannelGroup");
                        group.setAccessible(true);
                        for (Channel listening : (Iterable<Channel>) group.get(acceptor)) {
                            listening.pipeline().addFirst("chat-login-timeout", this);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        LOG.log(Level.WARNING, "No login timeout on acceptor " + acceptor.getName() + ": " + e);
                    }
                });
    }
}
