package app.chat.platform;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON we expect is a 400, not a 500. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_JSON", "the request body is not valid JSON for this call");
    }
}
