package app.chat.user;

/**
 * Fired when a login attempt changed what the throttle knows (every failure; a success that cleared
 * failures), so that the other nodes of a cluster count it too: a guesser who spreads attempts over
 * the nodes behind a balancer is locked out as on one node. {@code address} is null when unknown.
 */
public record LoginAttempt(String username, String address, boolean succeeded) {
}
