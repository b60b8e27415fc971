/**
 * The embedded Artemis broker: its lifecycle, its security (who may connect, send, subscribe),
 * the guard on inbound messages and the publisher that fans stamped messages out.
 * Artemis and JMS types live here (and in MDBs); it asks the user and room features through their services.
 */
package app.chat.broker;
