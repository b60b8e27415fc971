package app.chat.user;

import app.chat.platform.ChatApplication;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    /** Sign-up is the one call that needs no credentials (see web.xml). */
    @POST
    @Operation(summary = "Sign up (no credentials needed)")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (username 3-32 of a-z 0-9 _ -, password 8-128 characters) or INVALID_JSON")
    @APIResponse(responseCode = "409", description = "USERNAME_TAKEN")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response register(@NotNull(message = "a JSON body is required") @Valid Registration registration) {
        UserView created = users.register(registration);
        return Response.created(URI.create("users/" + created.username())).entity(created).build();
    }

    @GET
    @Path("me")
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "The caller: checks the credentials")
    @APIResponse(responseCode = "200", description = "the credentials are right")
    @APIResponse(responseCode = "401", description = "wrong or no credentials, or the user is locked out for a while")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public UserView me(@Context SecurityContext security) {
        return new UserView(security.getUserPrincipal().getName());
    }

    @PUT
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Change the password: ends every other session of the caller and closes their STOMP connections")
    @APIResponse(responseCode = "204", description = "changed; the session this call was made with (Bearer) goes on")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (newPassword 8-128 characters, currentPassword required) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "WRONG_PASSWORD: currentPassword is wrong, or the user is locked out for a while")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid PasswordChange change,
                                   @Context SecurityContext security,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        users.changePassword(security.getUserPrincipal().getName(), change, sessions.idOf(authorization).orElse(null));
        return Response.noContent().build();
    }
}
