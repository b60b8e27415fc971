package app.chat.room;

import app.chat.platform.ChatApplication;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("dms")
@Produces(MediaType.APPLICATION_JSON)
public class DirectMessageResource {

    @Inject
    DirectMessages directMessages;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Open the direct message with a user: a room of the two of you, the same one whoever asks")
    @APIResponse(responseCode = "201", description = "opened now")
    @APIResponse(responseCode = "200", description = "it was open already (the caller is back in it if they had left)")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (username required; not yourself) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "404", description = "UNKNOWN_USER")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response open(@NotNull(message = "a JSON body is required") @Valid UserNamed with) {
        DirectMessages.Opened opened = directMessages.open(security.getUserPrincipal().getName(), with.username());
        if (!opened.created()) {
            return Response.ok(opened.room()).build();
        }
        return Response.created(URI.create("rooms/" + opened.room().id())).entity(opened.room()).build();
    }
}
