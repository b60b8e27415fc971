package app.chat.user;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    /** Sign-up is the one call that needs no credentials (see web.xml). */
    @POST
    public Response register(@NotNull(message = "a JSON body is required") @Valid Registration registration) {
        UserView created = users.register(registration);
        return Response.created(URI.create("users/" + created.username())).entity(created).build();
    }

    @GET
    @Path("me")
    public UserView me(@Context SecurityContext security) {
        return new UserView(security.getUserPrincipal().getName());
    }
}
