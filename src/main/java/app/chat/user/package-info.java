/**
 * Chat users: registration, password hashing and checking (for HTTP Basic and for STOMP CONNECT).
 * Uses the platform (and may publish through {@link app.chat.publish}); other features reach it through
 * {@link app.chat.user.UserService}.
 */
package app.chat.user;
