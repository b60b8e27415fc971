package app.chat.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a broken connection three times, five seconds apart, by
 * default. The chat never wants that: a failed write is the broker's to redeliver, with its back-off,
 * and while the message writer sleeps in a retry every message waiting behind it waits too (a 30 s
 * database outage turned into minutes of stalled batches). Named in persistence.xml.
 */
public class FailFastQueries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
