package app.chat.user;

import app.chat.platform.ApiError;
import app.chat.platform.ChatApplication;
import app.chat.platform.ProxySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    ProxySettings proxies;

    @Context
    HttpServletRequest request;

    /** Signing in needs no credentials in a header: they are the body (see web.xml). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: a session token, for Authorization: Bearer and as the STOMP passcode")
    @APIResponse(responseCode = "201", description = "signed in: {token, expiresAt}")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (username and password are required) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: wrong username or password, or the user is locked out for a while")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response start(@NotNull(message = "a JSON body is required") @Valid SignIn signIn) {
        String clientAddress = proxies.clientAddress().of(request);
        return Response.status(Response.Status.CREATED)
                .entity(sessions.start(signIn.username(), signIn.password(), clientAddress)).build();
    }

    @DELETE
    @Path("current")
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Sign out: ends the session of the Bearer token and closes its STOMP connections")
    @APIResponse(responseCode = "204", description = "signed out")
    @APIResponse(responseCode = "400", description = "NOT_A_SESSION: the call was signed in with HTTP Basic, which has no session to end")
    @APIResponse(responseCode = "401", description = "wrong or no credentials, or the session has already ended (SESSION_ENDED)")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response end(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!sessions.end(authorization)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "NOT_A_SESSION",
                    "signed in with HTTP Basic: there is no session to end");
        }
        return Response.noContent().build();
    }
}
