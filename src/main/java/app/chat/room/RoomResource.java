package app.chat.room;

import app.chat.platform.ChatApplication;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import java.util.List;

@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    @Inject
    RoomService rooms;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Create a room; the creator becomes a member")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (the trimmed name must be 1-80 characters) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewRoom room) {
        RoomView created = rooms.create(room.name(), caller());
        return Response.created(URI.create("rooms/" + created.id())).entity(created).build();
    }

    @GET
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Every room, and whether the caller is a member")
    @APIResponse(responseCode = "200", description = "the rooms")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public List<RoomView> list() {
        return rooms.list(caller());
    }

    /** Joins the caller; 201 the first time, 200 when already a member. */
    @POST
    @Path("{id}/members")
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Join a room")
    @APIResponse(responseCode = "201", description = "joined")
    @APIResponse(responseCode = "200", description = "already a member")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response join(@PathParam("id") long roomId) {
        boolean joined = rooms.join(roomId, caller());
        return Response.status(joined ? Response.Status.CREATED : Response.Status.OK)
                .entity(new RoomMember(roomId, caller())).build();
    }

    @DELETE
    @Path("{id}/members/me")
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Leave a room (ends the caller's live subscriptions to it)")
    @APIResponse(responseCode = "204", description = "left")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response leave(@PathParam("id") long roomId) {
        rooms.leave(roomId, caller());
        return Response.noContent().build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    public record RoomMember(long roomId, String username) {
    }
}
