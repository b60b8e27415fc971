/**
 * The port to the broker that any feature may use: every address ({@link app.chat.publish.Destinations}),
 * publishing to room and user topics ({@link app.chat.publish.ChatPublisher}), reading a message's body.
 * Uses jakarta.jms only: no Artemis types, no feature, not even the platform.
 */
package app.chat.publish;
