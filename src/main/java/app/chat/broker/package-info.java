/**
 * The embedded Artemis broker server: lifecycle, broker.xml, security, guards on connections and
 * inbound messages, dead letters, readiness. The one place for Artemis and Netty types; asks the
 * user and room features through their services and names addresses through {@link app.chat.publish}.
 */
package app.chat.broker;
