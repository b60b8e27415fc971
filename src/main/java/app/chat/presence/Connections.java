package app.chat.presence;

/**
 * What the broker reports about browser connections: one call per connection that signed in, one
 * when it is gone (closed, dropped, or timed out without heart-beats). Called on broker threads,
 * so it must not block.
 */
public interface Connections {

    void opened(String username);

    void closed(String username);
}
