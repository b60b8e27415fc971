package app.chat.platform;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON we expect is a 400 INVALID_JSON, not a 500. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_JSON",
                        "the request body is not valid JSON for this call");
            }
        }
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the request could not be processed");
    }
}
