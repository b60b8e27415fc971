package app.chat.room;

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
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewRoom room) {
        RoomView created = rooms.create(room.name(), caller());
        return Response.created(URI.create("rooms/" + created.id())).entity(created).build();
    }

    @GET
    public List<RoomView> list() {
        return rooms.list(caller());
    }

    /** Joins the caller; 201 the first time, 200 when already a member. */
    @POST
    @Path("{id}/members")
    public Response join(@PathParam("id") long roomId) {
        boolean joined = rooms.join(roomId, caller());
        return Response.status(joined ? Response.Status.CREATED : Response.Status.OK)
                .entity(new RoomMember(roomId, caller())).build();
    }

    @DELETE
    @Path("{id}/members/me")
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
