/**
 * Who is online: counts each user's live STOMP connections (the broker reports them through
 * {@link app.chat.presence.Connections}) and tells the user's rooms when the first opens and the last
 * closes. Uses rooms (through their service), the platform and the publish port; never the broker.
 */
package app.chat.presence;
