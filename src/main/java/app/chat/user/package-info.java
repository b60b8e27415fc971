/**
 * Chat users: registration, password hashing and checking, sign-in sessions (for the API's Bearer
 * and Basic, and for STOMP CONNECT). Uses the platform (and may publish through {@link app.chat.publish});
 * other features reach it through {@link app.chat.user.UserService} and {@link app.chat.user.SessionService}.
 */
package app.chat.user;
