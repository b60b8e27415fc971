package app.chat.user;

import app.chat.platform.ApiError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** The API's answers when a password given in a request body is wrong. */
final class CredentialsRefused {

    private CredentialsRefused() {
    }

    /** POST /api/sessions with a wrong pair; a Bearer challenge, so that a browser shows no login dialog. */
    static WebApplicationException invalidCredentials() {
        return new WebApplicationException(Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED,
                        "INVALID_CREDENTIALS", "wrong username or password (after repeated failures, even the right one for a while)"))
                .header("WWW-Authenticate", "Bearer realm=\"chat\"").build());
    }

    /**
     * A wrong current password when changing it: 403, not 401, because the caller is signed in and
     * stays so (a 401 would tell the web client its session had ended).
     */
    static WebApplicationException wrongPassword() {
        return new WebApplicationException(ApiError.response(Response.Status.FORBIDDEN,
                "WRONG_PASSWORD", "the current password is wrong (after repeated failures, even the right one for a while)"));
    }
}
