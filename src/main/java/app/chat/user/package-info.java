/**
 * Chat users: registration, password hashing and checking (for HTTP Basic and for STOMP CONNECT).
 * Uses only the platform; other features reach it through {@link app.chat.user.UserService}.
 */
package app.chat.user;
