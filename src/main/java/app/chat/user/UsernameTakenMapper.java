package app.chat.user;

import app.chat.platform.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class UsernameTakenMapper implements ExceptionMapper<UsernameTakenException> {

    @Override
    public Response toResponse(UsernameTakenException e) {
        return ApiError.response(Response.Status.CONFLICT, "USERNAME_TAKEN", e.getMessage());
    }
}
