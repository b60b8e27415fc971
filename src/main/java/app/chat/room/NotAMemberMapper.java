package app.chat.room;

import app.chat.platform.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class NotAMemberMapper implements ExceptionMapper<NotAMemberException> {

    @Override
    public Response toResponse(NotAMemberException e) {
        return ApiError.response(Response.Status.FORBIDDEN, "NOT_A_MEMBER", e.getMessage());
    }
}
