package app.chat.message;

/**
 * On how many nodes of the cluster a user is connected: the send-rate limit is cluster-wide, so each
 * node grants a user its share of it. Presence knows (it hears of every node's connections).
 */
public interface SenderNodes {

    /** Nodes with a connection of the user, this one counted; at least 1 (a message may outlive its connection). */
    int nodesOf(String username);

    /** A node alone: every user has one. */
    SenderNodes ALONE = username -> 1;
}
