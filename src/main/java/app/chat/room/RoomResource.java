package app.chat.room;

import app.chat.platform.ChatApplication;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import java.util.List;

@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    @Inject
    RoomService rooms;

    @Inject
    OnlineUsers online;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Create a room, public (the default) or private; the creator becomes its owner")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (the trimmed name must be 1-80 characters; visibility public or private) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewRoom room) {
        RoomView created = rooms.create(room.name(), room.visibility(), caller());
        return Response.created(URI.create("rooms/" + created.id())).entity(created).build();
    }

    @GET
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "The rooms the caller may see: public ones, and the private rooms and direct messages they are in or invited to;"
            + " each with lastSeq, lastActivity and, for the caller's rooms, readSeq and the unread and mentions above it")
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
    @Operation(summary = "Join a room (a private room needs an invite)")
    @APIResponse(responseCode = "201", description = "joined")
    @APIResponse(responseCode = "200", description = "already a member")
    @APIResponse(responseCode = "403", description = "BANNED (a public room)")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM, also a private room without an invite or someone else's direct message")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response join(@PathParam("id") long roomId) {
        boolean joined = rooms.join(roomId, caller());
        return Response.status(joined ? Response.Status.CREATED : Response.Status.OK)
                .entity(new RoomMember(roomId, caller())).build();
    }

    /** The room's members with their roles and whether each is connected now; for members only. */
    @GET
    @Path("{id}/members")
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "The room's members, their roles and who is online (for members)")
    @APIResponse(responseCode = "200", description = "the members, by name")
    @APIResponse(responseCode = "403", description = "NOT_A_MEMBER")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public List<MemberView> members(@PathParam("id") long roomId) {
        return rooms.members(roomId, caller(), online);
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

    /** Invites a user into a room; 201 for a new invite, 200 when one was waiting or they are in already. */
    @POST
    @Path("{id}/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Invite a user into a room (its owner and moderators); they join with POST /api/rooms/{id}/members")
    @APIResponse(responseCode = "201", description = "invited")
    @APIResponse(responseCode = "200", description = "already invited or a member")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (username required) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_ALLOWED: the caller is not the owner or a moderator, or the room is a direct message")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM (also a room the caller may not see), UNKNOWN_USER")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response invite(@PathParam("id") long roomId, @NotNull(message = "a JSON body is required") @Valid UserNamed invitee) {
        boolean invited = rooms.invite(roomId, caller(), invitee.username());
        return Response.status(invited ? Response.Status.CREATED : Response.Status.OK)
                .entity(new RoomMember(roomId, invitee.username())).build();
    }

    @DELETE
    @Path("{id}/members/{username}")
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Remove a member (the owner and moderators); ban=true keeps them out until invited. Their live subscriptions to the room end at once")
    @APIResponse(responseCode = "204", description = "removed (and banned); also when they were not a member")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_ALLOWED: the caller is not the owner or a moderator, the member is the owner (or a moderator and the caller is not the owner), or the room is a direct message")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM (also a room the caller may not see), UNKNOWN_USER (a ban of no one)")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response remove(@PathParam("id") long roomId, @PathParam("username") String member,
                           @Parameter(description = "also keep them out until invited again") @QueryParam("ban") boolean ban) {
        rooms.remove(roomId, caller(), member, ban);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/members/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Give a member the role moderator or member (the room's owner)")
    @APIResponse(responseCode = "204", description = "changed")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (role owner, moderator or member) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_ALLOWED: the caller is not the owner, the owner's role cannot change, or the room is a direct message")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM (also a room the caller may not see), UNKNOWN_MEMBER")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public Response changeRole(@PathParam("id") long roomId, @PathParam("username") String member,
                               @NotNull(message = "a JSON body is required") @Valid RoleChange change) {
        rooms.changeRole(roomId, caller(), member, change.role());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Mark a room read up to a seq; the marker never moves back (a lower seq is ignored). When it moves,"
            + " the caller's user topic gets {\"type\":\"read\",\"roomId\",\"seq\"}")
    @APIResponse(responseCode = "200", description = "the marker now: {\"type\":\"read\",\"roomId\",\"seq\"}")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (seq required, 0 or more, not beyond the room's last seq) or INVALID_JSON")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_A_MEMBER")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public ReadMarker markRead(@PathParam("id") long roomId, @NotNull(message = "a JSON body is required") @Valid ReadUpTo read) {
        return rooms.markRead(roomId, caller(), read.seq());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    public record RoomMember(long roomId, String username) {
    }
}
